import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { OutreachPack } from '@motcua/contracts';
import { rowsOf } from '../../src/platform/db/client.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';
import { applicant, completeChecklist } from '../support/dossier-fixtures.ts';

/** A scan as the device keeps it, with its SHA-256 declared at sync. */
export const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.alloc(5000, 0x20), Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n')]);
export const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * The Phú Xuân center on Friday 20 November 2026, preparing sessions in a village on Monday
 * 23 November: the counter officer signed in, and the team's officer and leader.
 */
export async function outreachCenter() {
  const t = await startTestApp({ now: '2026-11-20T02:00:00Z', env: { MOTCUA_SESSION_HOURS: '720' } });
  const officer = { authorization: `Bearer ${await t.login('phuxuan.motcua')}` };
  const staff = (await t.app.inject({ url: '/api/v1/outreach/team-candidates', headers: officer })).json().items as { id: string; role: string }[];
  return { t, officer, steps: outreachSteps(t, officer), leaderId: staff.find((s) => s.role === 'leader')!.id, officerId: staff.find((s) => s.role === 'counter_officer')!.id };
}

/** The steps of an outreach session, as the officer's device takes them. */
export function outreachSteps(t: TestApp, officer: Record<string, string>) {
  return {
    /** Prepares a session on Monday 23 November with this team and downloads its pack. */
    async prepare(procedureCodes: string[], team: string[]): Promise<OutreachPack> {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/outreach/sessions', headers: officer, payload: { place: 'Thôn Khe Tre', date: '2026-11-23', teamUserIds: team, procedureCodes } });
      expect(res.statusCode, res.body).toBe(201);
      return (await t.app.inject({ url: `/api/v1/outreach/sessions/${res.json().id}/pack`, headers: officer })).json() as OutreachPack;
    },
    /** A dossier as the device recorded it offline, from the cached pack. */
    async offlineDossier(pack: OutreachPack, code: string, n: number, receivedAt: string, extra: Record<string, unknown> = {}) {
      const version = pack.procedures.find((p) => p.code === code)!;
      const { checklist } = await completeChecklist(t, code);
      return {
        key: crypto.randomUUID(),
        localNumber: `LD-${n}`,
        receivedAt,
        procedureCode: code,
        procedureVersionId: version.id,
        applicant,
        checklist,
        decision: 'accept',
        files: [{ itemId: checklist[0]!.itemId, name: 'giay-to.pdf', mime: 'application/pdf', size: pdf.length, sha256: sha(pdf) }],
        ...extra,
      };
    },
    sync: (sessionId: string, body: object) => t.app.inject({ method: 'POST', url: `/api/v1/outreach/sessions/${sessionId}/dossiers`, headers: officer, payload: body }),
    timeline: async (dossierId: string) => (await t.app.inject({ url: `/api/v1/dossiers/${dossierId}/timeline`, headers: officer })).json() as { chainIntact: boolean; events: { action: string; at: string; actorRole: string }[] },
    dossierCount: async () => rowsOf<{ n: number }>(await t.ctx.db.execute(sql`select count(*)::int as n from dossiers where channel = 4`))[0]!.n,
  };
}
