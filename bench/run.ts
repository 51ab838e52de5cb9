// `npm run bench`: runs every bench/*.bench.ts (or only those named on the command line), prints a
// table, and writes bench/results.json and docs/benchmarks.md with a description of the machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { round, type BenchResult } from './lib.ts';
import { describeServer } from './support/pg.ts';

const here = import.meta.dirname;
const only = process.argv.slice(2);
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const unknown = only.filter((o) => !files.some((f) => f.includes(o)));
if (unknown.length > 0) {
  // Writing the results of a run that ran nothing would replace the last real run's machine notes.
  process.stderr.write(`no bench suite matches ${unknown.join(', ')}; suites: ${fs.readdirSync(here).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace('.bench.ts', '')).join(', ')}\n`);
  process.exit(2);
}

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' / ');
const runStarted = performance.now();
const machine: Record<string, string> = {
  cpu: `${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}`,
  memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
  node: process.version,
  os: `${os.type()} ${os.release()}`,
  embedded: process.env.DATABASE_URL ? 'suites that default to PGlite use PostgreSQL (DATABASE_URL is set)' : 'PGlite in process for catalog, calendar, forms, queue, startup and sync',
  postgres: await describeServer().catch((e: Error) => `not reachable (${e.message})`),
  date: new Date().toISOString(),
  'load average (1 / 5 / 15 min) at start': load(),
};
/** Wall time and load average of each suite: on a shared machine the figures depend on it. */
const runs: { suite: string; seconds: number; loadBefore: string; loadAfter: string }[] = [];

const results: (BenchResult & { suite: string })[] = [];
for (const file of files) {
  const suite = file.replace('.bench.ts', '');
  const mod = (await import(path.join(here, file))) as { default: () => Promise<BenchResult[]>; onlyWhenNamed?: boolean };
  // A suite that builds a huge data set (10 million dossiers) runs only when asked for by name,
  // so that `npm run bench` stays within minutes; its last figures stay in the results file.
  if (mod.onlyWhenNamed && only.length === 0) {
    process.stdout.write(`▷ ${suite}: skipped (run it by name: npm run bench -- ${suite})\n`);
    continue;
  }
  const loadBefore = load();
  process.stdout.write(`▶ ${suite} (load ${loadBefore})\n`);
  const t0 = performance.now();
  for (const r of await mod.default()) {
    results.push({ suite, ...r });
    process.stdout.write(`  ${r.name}: ${r.value} ${r.unit}${r.goal ? `  (goal ${r.goal})` : ''}\n`);
  }
  runs.push({ suite, seconds: round((performance.now() - t0) / 1000, 1), loadBefore, loadAfter: load() });
  process.stdout.write(`  (${runs.at(-1)!.seconds} s, load ${runs.at(-1)!.loadAfter})\n`);
}
machine['load average (1 / 5 / 15 min) at end'] = load();
// The 1-minute load average seen at each suite's start and end, against the number of cores.
const peak = Math.max(...runs.flatMap((r) => [r.loadBefore, r.loadAfter]).map((l) => Number(l.split(' / ')[0])));
machine['quiet machine'] = peak <= os.cpus().length ? `yes (1-min load average ≤ ${peak.toFixed(2)} throughout)` : `NO: 1-min load average up to ${peak.toFixed(2)} on ${os.cpus().length} cores; these figures were taken under load`;
machine['whole run'] = `${round((performance.now() - runStarted) / 60000, 1)} min`;

// A partial run (`npm run bench queue`), and a suite skipped in a full run, keep the earlier rows
// of the suites that did not run, marked as such.
const resultsFile = path.join(here, 'results.json');
if (fs.existsSync(resultsFile)) {
  const earlier = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as { machine: Record<string, string>; results: typeof results; runs?: typeof runs };
  const ran = new Set(runs.map((r) => r.suite));
  const kept = earlier.results.filter((r) => !ran.has(r.suite) && fs.existsSync(path.join(here, `${r.suite}.bench.ts`)));
  const mark = `(earlier run: ${earlier.machine.date ?? 'date unknown'})`;
  results.push(...kept.map((r) => (r.note?.includes('(earlier run') ? r : { ...r, note: `${r.note ?? ''} ${mark}`.trim() })));
  runs.push(...(earlier.runs ?? []).filter((r) => !ran.has(r.suite) && kept.some((k) => k.suite === r.suite)));
  results.sort((a, b) => a.suite.localeCompare(b.suite));
  runs.sort((a, b) => a.suite.localeCompare(b.suite));
}

fs.writeFileSync(resultsFile, `${JSON.stringify({ machine, runs, results }, null, 2)}\n`);
const notes = fs.readFileSync(path.join(here, 'notes.md'), 'utf8').trim();
const md = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (do not edit by hand). Machine:',
  '',
  ...Object.entries(machine).map(([k, v]) => `- ${k}: ${v}`),
  '',
  '| Suite | Wall time | Load average before | after |',
  '|---|---|---|---|',
  ...runs.map((r) => `| ${r.suite} | ${r.seconds} s | ${r.loadBefore} | ${r.loadAfter} |`),
  '',
  '| Suite | Measure | Value | Unit | Goal | Note |',
  '|---|---|---|---|---|---|',
  ...results.map((r) => `| ${r.suite} | ${r.name} | ${r.value} | ${r.unit} | ${r.goal ?? ''} | ${r.note ?? ''} |`),
  '',
  notes,
  '',
].join('\n');
fs.writeFileSync(path.resolve(here, '../docs/benchmarks.md'), md);
process.stdout.write(`\nWrote bench/results.json and docs/benchmarks.md (${results.length} figures).\n`);
process.exit(0);
