import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditChainCommand } from '../../src/tools/audit-chain.ts';
import { applicant, asUser, completeChecklist } from '../support/dossier-fixtures.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';

let t: TestApp;
const made: { id: string; code: string }[] = [];

beforeAll(async () => {
  t = await startTestApp();
  const officer = await asUser(t, 'phuxuan.motcua');
  const specialist = await asUser(t, 'phuxuan.chuyenvien');
  const { checklist } = await completeChecklist(t, '1.001193');
  for (let i = 0; i < 3; i++) {
    const d = (await officer.intake({ procedureCode: '1.001193', applicant, checklist, decision: 'accept' })).json();
    const res = await specialist.act(d.id, { action: 'start_review', expectedVersion: d.version });
    if (res.statusCode !== 200) throw new Error(res.body);
    made.push({ id: d.id, code: d.code });
  }
});
afterAll(() => t.close());

async function run() {
  const lines: string[] = [];
  const code = await auditChainCommand(t.ctx.db, (l) => lines.push(l));
  return { code, lines };
}

/** What an attacker with database access would do: the append-only trigger switched off. */
async function tamper(statement: ReturnType<typeof sql>) {
  await t.ctx.db.execute(sql`alter table dossier_events disable trigger dossier_events_no_update`);
  try {
    await t.ctx.db.execute(statement);
  } finally {
    await t.ctx.db.execute(sql`alter table dossier_events enable trigger dossier_events_no_update`);
  }
}

describe('npm run audit:chain', () => {
  it('passes (exit 0) while every recorded history is untouched', async () => {
    const { code, lines } = await run();
    expect(code).toBe(0);
    expect(lines.at(-1)).toMatch(/^\d+ dossiers, \d+ events checked: every chain intact$/);
    expect(Number(/(\d+) events/.exec(lines.at(-1)!)![1])).toBeGreaterThanOrEqual(9);
  });

  it('the database refuses an ordinary UPDATE of an event', async () => {
    await expect(t.ctx.db.execute(sql`update dossier_events set reason = 'x' where dossier_id = ${made[0]!.id}`)).rejects.toThrow();
  });

  it('names the dossier and the event when an event was modified', async () => {
    await tamper(sql`update dossier_events set reason = 'sửa lén' where dossier_id = ${made[0]!.id} and seq = 2`);
    const { code, lines } = await run();
    expect(code).toBe(1);
    const id = (await t.ctx.db.execute(sql`select id from dossier_events where dossier_id = ${made[0]!.id} and seq = 2`)) as unknown as { rows: { id: string }[] };
    expect(lines).toContain(`BROKEN dossier ${made[0]!.code} (${made[0]!.id}): event #2 (${id.rows[0]!.id}) was changed after it was recorded (hash does not match)`);
    expect(lines.at(-1)).toMatch(/: 1 broken$/);
  });

  it('names the dossier and where the gap is when an event in the middle was deleted', async () => {
    await tamper(sql`delete from dossier_events where dossier_id = ${made[1]!.id} and seq = 2`);
    const { code, lines } = await run();
    expect(code).toBe(1);
    expect(lines.find((l) => l.includes(made[1]!.code))).toMatch(new RegExp(`^BROKEN dossier ${made[1]!.code} \\(${made[1]!.id}\\): event #3 \\(.+\\) follows a deleted event`));
    expect(lines.at(-1)).toMatch(/: 2 broken$/);
  });

  it('notices a deleted last event, which leaves no gap and no bad hash', async () => {
    await tamper(sql`delete from dossier_events where dossier_id = ${made[2]!.id} and seq = (select max(seq) from dossier_events where dossier_id = ${made[2]!.id})`);
    const { code, lines } = await run();
    expect(code).toBe(1);
    expect(lines.find((l) => l.includes(made[2]!.code))).toMatch(/event #\d+ is missing: the last recorded state is not the dossier’s current state/);
    expect(lines.at(-1)).toMatch(/: 3 broken$/);
  });
});
