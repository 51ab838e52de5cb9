/**
 * `npm run eval:assistant`: the evaluation set (questions.json, written before the retrieval and
 * never tuned to it) against the assistant's retrieval on a freshly seeded embedded database.
 * Prints top-1 and top-3 accuracy, per language, and every miss. Goal: top-1 ≥ 85 %, top-3 ≥ 95 %.
 */
import fs from 'node:fs';
import { fixedClock } from '../../../platform/clock.ts';
import { openPglite } from '../../../platform/db/client.ts';
import { migrate } from '../../../platform/db/migrate.ts';
import { uuidv7Ids } from '../../../platform/ids.ts';
import { runSeeds } from '../../../../seed/index.ts';
import { retrieve } from '../corpus.ts';
import { decide } from '../answer.ts';
import { detectLanguage } from '../text.ts';

type Question = { q: string; code: string; lang: string; typo?: boolean };

const AT = '2026-11-23T02:00:00Z';
const { questions, outOfScope } = JSON.parse(fs.readFileSync(new URL('./questions.json', import.meta.url), 'utf8')) as { questions: Question[]; outOfScope: string[] };

const database = await openPglite(undefined);
const clock = fixedClock(AT);
await migrate(database.db);
await runSeeds(database.db, { clock, ids: uuidv7Ids, demo: false, demoPassword: 'unused' });

type Tally = { n: number; top1: number; top3: number };
const tally = new Map<string, Tally>();
const add = (key: string, top1: boolean, top3: boolean) => {
  const t = tally.get(key) ?? { n: 0, top1: 0, top3: 0 };
  tally.set(key, { n: t.n + 1, top1: t.top1 + (top1 ? 1 : 0), top3: t.top3 + (top3 ? 1 : 0) });
};
const misses: string[] = [];
const decisions = { one: 0, ambiguous: 0, none: 0 };
const askBack: string[] = [];

for (const item of questions) {
  const { ranked } = await retrieve(database.db, item.q, detectLanguage(item.q), clock.now());
  const codes = ranked.map((r) => r.entry.code);
  const top1 = codes[0] === item.code;
  const top3 = codes.slice(0, 3).includes(item.code);
  const decision = decide(ranked);
  decisions[decision.kind]++;
  if (decision.kind === 'ambiguous') askBack.push(`${item.q}  → ${decision.options.map((o) => o.entry.code).join(', ')}`);
  for (const key of ['all', item.lang, ...(item.typo ? ['typo'] : [])]) add(key, top1, top3);
  if (!top1) misses.push(`${top3 ? 'top-3' : 'miss '}  ${item.q}  → want ${item.code}, got ${codes.slice(0, 3).join(', ') || 'nothing'}`);
}
let honest = 0;
const invented: string[] = [];
for (const q of outOfScope) {
  const { ranked } = await retrieve(database.db, q, detectLanguage(q), clock.now());
  if (decide(ranked).kind === 'none') honest++;
  else invented.push(`${q}  → ${ranked[0]!.entry.code} ${ranked[0]!.entry.name.slice(0, 60)}`);
}
await database.close();

const pct = (a: number, n: number) => `${((100 * a) / n).toFixed(1)}%`;
const line = (key: string, t: Tally) => `${key.padEnd(9)} ${String(t.n).padStart(4)}   top-1 ${pct(t.top1, t.n).padStart(6)}   top-3 ${pct(t.top3, t.n).padStart(6)}`;
console.log(`Assistant retrieval on ${questions.length} evaluation questions (catalog in force at ${AT})\n`);
for (const [key, t] of [...tally].sort(([a], [b]) => (a === 'all' ? -1 : b === 'all' ? 1 : a.localeCompare(b)))) console.log(line(key, t));
console.log(`\nAnswer kinds: ${decisions.one} direct, ${decisions.ambiguous} ask back with candidates, ${decisions.none} "not found"`);
console.log(`\nAsked back (${askBack.length}):\n${askBack.join('\n')}`);
console.log(`\nNot first (${misses.length}):\n${misses.join('\n')}`);
console.log(`\nOut-of-scope questions answered "not found": ${honest}/${outOfScope.length}${invented.length ? `; answered anyway:\n${invented.join('\n')}` : ''}`);
const all = tally.get('all')!;
console.log(`\nTOP-1 ${pct(all.top1, all.n)}  TOP-3 ${pct(all.top3, all.n)}  (goal 85% / 95%)`);
