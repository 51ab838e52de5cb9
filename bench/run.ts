// `npm run bench`: runs every bench/*.bench.ts (or only those named on the command line), prints a
// table, and writes bench/results.json and docs/benchmarks.md with a description of the machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchResult } from './lib.ts';

const here = import.meta.dirname;
const only = process.argv.slice(2);
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const machine = {
  cpu: `${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}`,
  memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
  node: process.version,
  os: `${os.type()} ${os.release()}`,
  database: process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite',
  date: new Date().toISOString(),
};

const results: (BenchResult & { suite: string })[] = [];
for (const file of files) {
  const suite = file.replace('.bench.ts', '');
  process.stdout.write(`▶ ${suite}\n`);
  const mod = (await import(path.join(here, file))) as { default: () => Promise<BenchResult[]> };
  for (const r of await mod.default()) {
    results.push({ suite, ...r });
    process.stdout.write(`  ${r.name}: ${r.value} ${r.unit}${r.goal ? `  (goal ${r.goal})` : ''}\n`);
  }
}

// A partial run (`npm run bench queue`) replaces only its own suites' rows.
const resultsFile = path.join(here, 'results.json');
if (only.length > 0 && fs.existsSync(resultsFile)) {
  const ran = new Set(results.map((r) => r.suite));
  const previous = (JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as { results: typeof results }).results.filter((r) => !ran.has(r.suite));
  results.unshift(...previous);
  results.sort((a, b) => a.suite.localeCompare(b.suite));
}

fs.writeFileSync(resultsFile, `${JSON.stringify({ machine, results }, null, 2)}\n`);
const md = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (do not edit by hand). Machine:',
  '',
  ...Object.entries(machine).map(([k, v]) => `- ${k}: ${v}`),
  '',
  '| Suite | Measure | Value | Unit | Goal | Note |',
  '|---|---|---|---|---|---|',
  ...results.map((r) => `| ${r.suite} | ${r.name} | ${r.value} | ${r.unit} | ${r.goal ?? ''} | ${r.note ?? ''} |`),
  '',
].join('\n');
fs.writeFileSync(path.resolve(here, '../docs/benchmarks.md'), md);
process.stdout.write(`\nWrote bench/results.json and docs/benchmarks.md (${results.length} figures).\n`);
process.exit(0);
