/** What the counter application sends, over real HTTP. */

export const PROCEDURE = '1.001193';

export async function login(base: string, username: string, password = 'motcua'): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username} at ${base}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** A counter intake of the birth-registration procedure with every mandatory document; `n` marks the applicant. */
export async function intakeBody(base: string): Promise<(n: number) => object> {
  const res = await fetch(`${base}/api/v1/procedures/${PROCEDURE}`);
  const documents = ((await res.json()) as { documents: { id: string; requirement: string }[] }).documents;
  const checklist = documents.map((d) => ({ itemId: d.id, provided: d.requirement === 'mandatory' }));
  return (n) => ({
    procedureCode: PROCEDURE,
    decision: 'accept',
    checklist,
    applicant: {
      idNumber: '046090123456',
      fullName: 'Trần Văn Bình',
      dateOfBirth: '1990-05-12',
      sex: 'male',
      address: { line: `Thử nghiệm số ${n}`, communeCode: '19753' },
      phone: '0905123456',
    },
  });
}

export function post(base: string, path: string, token: string, body?: unknown): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Checks that dossier codes have no duplicate and no hole: per agency and day, numbers 1..last. */
export function codeGaps(codes: string[]): { duplicates: string[]; missing: string[] } {
  const byDay = new Map<string, number[]>();
  for (const code of codes) {
    const m = /^(.+)-(\d{4,})$/.exec(code);
    if (!m) throw new Error(`not a dossier code: ${code}`);
    byDay.set(m[1]!, [...(byDay.get(m[1]!) ?? []), Number(m[2])]);
  }
  const duplicates: string[] = [];
  const missing: string[] = [];
  for (const [day, seqs] of byDay) {
    const seen = new Set<number>();
    for (const s of seqs) {
      if (seen.has(s)) duplicates.push(`${day}-${s}`);
      seen.add(s);
    }
    const max = Math.max(...seqs);
    for (let s = 1; s <= max; s++) if (!seen.has(s)) missing.push(`${day}-${String(s).padStart(4, '0')}`);
  }
  return { duplicates, missing };
}
