import { sql, type SQL } from 'drizzle-orm';
import { eventHash, GENESIS, type ChainedEvent } from '../../src/modules/dossier/dossier.chain.ts';
import { rowsOf, type Db } from '../../src/platform/db/client.ts';
import { uuidv7Ids } from '../../src/platform/ids.ts';
import type { TestApp } from '../support/harness.ts';
import { applicant, asUser, completeChecklist } from '../support/dossier-fixtures.ts';

/** Waits until `check` holds, polling; fails after `ms` with the last value seen. */
export async function until<T>(what: string, probe: () => Promise<T>, check: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  let last = await probe();
  while (!check(last)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await probe();
  }
  return last;
}

export async function outboxCounts(db: Db, topic = 'portal.sync'): Promise<Record<string, number>> {
  const rows = rowsOf<{ status: string; n: number }>(await db.execute(sql`select status, count(*)::int as n from outbox_messages where topic = ${topic} group by status`));
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export const unfinished = (c: Record<string, number>) => (c.pending ?? 0) + (c.processing ?? 0) + (c.dead ?? 0);

/** Latest event seq per dossier code. */
export async function latestSeqByCode(db: Db): Promise<Map<string, number>> {
  const rows = rowsOf<{ code: string; seq: number }>(await db.execute(sql`select d.code, max(e.seq)::int as seq from dossiers d join dossier_events e on e.dossier_id = d.id group by d.code`));
  return new Map(rows.map((r) => [r.code, Number(r.seq)]));
}

/**
 * Real dossier changes through the API, as staff make them: each dossier is received (and assigned
 * automatically), then reviewed, submitted and sent back until it has `perDossier` events. Every
 * change is an event and, in the same transaction, a portal-sync message.
 */
export async function makeChanges(t: TestApp, dossiers: number, perDossier: number): Promise<string[]> {
  const officer = await asUser(t, 'phuxuan.motcua');
  const specialist = await asUser(t, 'phuxuan.chuyenvien');
  const leader = await asUser(t, 'phuxuan.lanhdao');
  const { checklist } = await completeChecklist(t, '1.001193');
  const ids: string[] = [];
  const cycle: [typeof officer, object][] = [
    [specialist, { action: 'submit_for_approval' }],
    [leader, { action: 'send_back', reason: 'Bổ sung chữ ký người làm chứng' }],
  ];
  for (let i = 0; i < dossiers; i++) {
    const res = await officer.intake({ procedureCode: '1.001193', applicant: { ...applicant, fullName: `Người Dân Số ${i}` }, checklist, decision: 'accept' });
    if (res.statusCode !== 201) throw new Error(`intake: ${res.statusCode} ${res.body}`);
    const id = (res.json() as { id: string }).id;
    ids.push(id);
    // receive + automatic assignment = 2 events.
    let events = 2;
    if (events < perDossier) {
      await mustAct(specialist.act(id, { action: 'start_review' }));
      events++;
    }
    for (let k = 0; events < perDossier; k++, events++) {
      const [who, body] = cycle[k % 2]!;
      await mustAct(who.act(id, body));
    }
  }
  return ids;
}

async function mustAct(p: Promise<{ statusCode: number; body: string }>) {
  const res = await p;
  if (res.statusCode !== 200) throw new Error(`act: ${res.statusCode} ${res.body}`);
}

/** The actor of a demo staff member, for calling use cases directly. */
export async function findStaffActor(t: TestApp, username: string) {
  const rows = rowsOf<{ id: string; full_name: string; role: string; province_code: string; center_id: string | null }>(
    await t.ctx.db.execute(sql`select id, full_name, role, province_code, center_id from users where username = ${username}`),
  );
  const u = rows[0]!;
  return { userId: u.id, username, fullName: u.full_name, role: u.role as 'specialist', provinceCode: u.province_code, centerId: u.center_id, sessionId: 'test' };
}

const script: { action: string; to: string }[] = [
  { action: 'receive', to: 'received' },
  { action: 'assign', to: 'processing:assigned' },
  { action: 'start_review', to: 'processing:in_review' },
];
const cycle = [
  { action: 'submit_for_approval', to: 'processing:awaiting_approval' },
  { action: 'send_back', to: 'processing:in_review' },
];

/**
 * Many changes fast: `dossiers` copies of one dossier received through the API, each with
 * `perDossier` hash-chained events and, exactly as `recordEvent` writes them, one portal-sync
 * outbox message per event. (Thousands of use-case calls would take minutes on a loaded machine;
 * the real path is covered by `makeChanges` and by the sync tests that use it.)
 */
export async function bulkChanges(t: TestApp, dossiers: number, perDossier: number, startAt: Date): Promise<string[]> {
  const [template] = await makeChanges(t, 1, 1);
  const cols = rowsOf<{ column_name: string }>(
    await t.ctx.db.execute(sql`select column_name from information_schema.columns where table_schema = 'public' and table_name = 'dossiers' and column_name not in ('id', 'code') order by ordinal_position`),
  ).map((c) => `"${c.column_name}"`);
  const list = sql.raw(cols.join(', '));
  const made = rowsOf<{ id: string }>(
    await t.ctx.db.execute(sql`
      insert into dossiers (id, code, ${list})
      select gen_random_uuid(), d.code || '-' || lpad(g::text, 5, '0'), ${list} from dossiers d, generate_series(1, ${dossiers}) g where d.id = ${template}
      returning id`),
  ).map((r) => r.id);
  const events: SQL[] = [];
  const messages: SQL[] = [];
  const flush = async () => {
    if (events.length > 0) await t.ctx.db.execute(sql`insert into dossier_events (id, dossier_id, seq, at, actor_id, actor_role, action, from_state, to_state, reason, data, prev_hash, hash) values ${sql.join(events.splice(0), sql`, `)}`);
    if (messages.length > 0) await t.ctx.db.execute(sql`insert into outbox_messages (id, topic, payload, idempotency_key, ordering_key, status, attempts, max_attempts, next_attempt_at, created_at) values ${sql.join(messages.splice(0), sql`, `)}`);
  };
  let tick = startAt.getTime();
  const finalState = new Map<string, string>();
  for (let k = 0; k < perDossier; k++) {
    for (const dossierId of made) {
      const step = k < script.length ? script[k]! : cycle[(k - script.length) % 2]!;
      const from = k === 0 ? null : finalState.get(dossierId)!;
      const at = new Date(tick++).toISOString();
      const body: ChainedEvent = { dossierId, seq: k + 1, at, actorId: null, actorRole: 'system', action: step.action, fromState: from, toState: step.to, reason: null, data: {} };
      const prev = k === 0 ? GENESIS : prevHash.get(dossierId)!;
      const hash = eventHash(prev, body);
      prevHash.set(dossierId, hash);
      finalState.set(dossierId, step.to);
      events.push(sql`(${uuidv7Ids.next()}::uuid, ${dossierId}::uuid, ${k + 1}, ${at}::timestamptz, null, 'system', ${step.action}, ${from}, ${step.to}, null, '{}'::jsonb, ${prev}, ${hash})`);
      const change = { dossierId, seq: k + 1, at, action: step.action, fromState: from, toState: step.to, data: {} };
      messages.push(sql`(${uuidv7Ids.next()}::uuid, 'portal.sync', ${JSON.stringify(change)}::jsonb, ${`${dossierId}:${k + 1}`}, ${dossierId}, 'pending', 0, 1000000, ${at}::timestamptz, ${at}::timestamptz)`);
      if (events.length >= 500) await flush();
    }
  }
  await flush();
  prevHash.clear();
  const [status, stepName] = finalState.get(made[0]!)!.split(':');
  await t.ctx.db.execute(sql`update dossiers set status = ${status}, step = ${stepName ?? null}, version = ${perDossier}, updated_at = ${new Date(tick)} where id = any(${`{${made.join(',')}}`}::uuid[])`);
  return made;
}
const prevHash = new Map<string, string>();
