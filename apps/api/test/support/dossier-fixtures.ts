import type { TestApp } from './harness.ts';

export const applicant = {
  idNumber: '046090123456',
  fullName: 'Trần Văn Bình',
  dateOfBirth: '1990-05-12',
  sex: 'male' as const,
  address: { line: '12 Lê Lợi', communeCode: '19753' },
  phone: '0905123456',
};

type Doc = { id: string; requirement: 'mandatory' | 'conditional' };

/** The procedure as the public API gives it, with a checklist ticking every mandatory document. */
export async function completeChecklist(t: TestApp, code: string) {
  const res = await t.app.inject({ url: `/api/v1/procedures/${code}` });
  if (res.statusCode !== 200) throw new Error(`procedure ${code}: ${res.statusCode}`);
  const documents = res.json().documents as Doc[];
  return { documents, checklist: documents.map((d) => ({ itemId: d.id, provided: d.requirement === 'mandatory' })) };
}

export async function asUser(t: TestApp, username: string) {
  const token = await t.login(username);
  const headers = { authorization: `Bearer ${token}` };
  return {
    intake: (body: object, extra: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { ...headers, ...extra }, payload: body }),
    act: (id: string, body: object) => t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/actions`, headers, payload: body }),
    get: (url: string) => t.app.inject({ url, headers }),
  };
}

/** A birth registration (1.001193) received and accepted at the Phú Xuân counter: its id and code. */
export async function receivedBirthRegistration(t: TestApp, username = 'phuxuan.motcua'): Promise<{ id: string; code: string }> {
  const officer = await asUser(t, username);
  const { checklist } = await completeChecklist(t, '1.001193');
  const res = await officer.intake({ procedureCode: '1.001193', applicant, checklist, decision: 'accept' });
  if (res.statusCode !== 201) throw new Error(`intake: ${res.statusCode} ${res.body}`);
  return res.json();
}
