import { DomainError } from '../../platform/errors.ts';

/** Adapter to the national population database and communes' civil-status registries (HTTP). */
export type PersonRecord = {
  idNumber: string;
  fullName: string;
  dateOfBirth: string;
  sex: 'male' | 'female';
  address: { line: string; communeCode: string };
  phone: string;
};
export type MaritalRecord = { communeCode: string; idNumber: string; found: boolean; fullName?: string; maritalStatus?: 'single' | 'married' | 'divorced' | 'widowed' };

const unavailable = () => new DomainError('unavailable', 'citizen.registry_unavailable', 'The registry is not answering; fill the form by hand or try again later.');

async function call(url: string | undefined, path: string, init: RequestInit = {}): Promise<Response> {
  if (!url) throw unavailable();
  try {
    const res = await fetch(`${url.replace(/\/$/, '')}${path}`, { ...init, signal: AbortSignal.timeout(5000) });
    if (res.status >= 500) throw unavailable();
    return res;
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw unavailable();
  }
}

/** The person's identity and residence, if the ID number and registered phone match; null if not. */
export async function lookupPerson(url: string | undefined, idNumber: string, phone: string): Promise<PersonRecord | null> {
  const res = await call(url, '/population/lookup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ idNumber, phone }) });
  if (res.status === 404) return null;
  if (!res.ok) throw unavailable();
  return (await res.json()) as PersonRecord;
}

/** Marital status as the civil-status book of `communeCode` records it. */
export async function lookupMaritalStatus(url: string | undefined, communeCode: string, idNumber: string): Promise<MaritalRecord> {
  const res = await call(url, `/civil-status/${communeCode}/marital/${idNumber}`);
  if (!res.ok) throw unavailable();
  return (await res.json()) as MaritalRecord;
}
