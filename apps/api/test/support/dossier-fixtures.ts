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
    intake: (body: object) => t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers, payload: body }),
    act: (id: string, body: object) => t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/actions`, headers, payload: body }),
    get: (url: string) => t.app.inject({ url, headers }),
  };
}
