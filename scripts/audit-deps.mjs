#!/usr/bin/env node
// CI's dependency audit: `npm audit` at high severity fails the run, except for the advisories listed
// with a reason in scripts/audit-exceptions.json (each one explained in docs/security.md).
// If the registry's advisory service cannot be reached, the audit is reported as NOT done; that fails
// only when MOTCUA_AUDIT_REQUIRED=1 (CI must also work where only package downloads are reachable).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const RANK = { info: 0, low: 1, moderate: 2, high: 3, critical: 4 };
const exceptions = JSON.parse(fs.readFileSync(new URL('./audit-exceptions.json', import.meta.url), 'utf8')).exceptions;
const excepted = new Map(exceptions.map((e) => [e.advisory, e]));

// MOTCUA_AUDIT_REPORT: read a saved `npm audit --json` report instead (to check this script itself).
const run = process.env.MOTCUA_AUDIT_REPORT
  ? { stdout: fs.readFileSync(process.env.MOTCUA_AUDIT_REPORT, 'utf8'), stderr: '' }
  : spawnSync('npm', ['audit', '--json', '--audit-level=high'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = null;
}
if (!report || !report.vulnerabilities) {
  const why = report?.message ?? report?.error?.summary ?? (run.stderr || 'no answer').split('\n').find((l) => l.includes('error')) ?? 'no answer';
  console.log(`dependency audit NOT performed: the advisory service did not answer (${String(why).trim()})`);
  process.exit(process.env.MOTCUA_AUDIT_REQUIRED === '1' ? 1 : 0);
}

const failing = [];
const waived = [];
for (const [name, v] of Object.entries(report.vulnerabilities)) {
  for (const via of v.via) {
    if (typeof via === 'string' || RANK[via.severity] < RANK.high) continue;
    const id = via.url?.split('/').pop() ?? String(via.source);
    (excepted.has(id) ? waived : failing).push(`${via.severity} ${name} ${id}: ${via.title}`);
  }
}
const unused = exceptions.filter((e) => !waived.some((w) => w.includes(e.advisory)));
for (const w of waived) console.log(`excepted (see docs/security.md): ${w}`);
for (const e of unused) console.log(`exception no longer needed, remove it: ${e.advisory} (${e.package})`);
for (const f of failing) console.log(`FAIL ${f}`);
const total = report.metadata?.vulnerabilities ?? {};
console.log(`dependency audit: ${failing.length} high/critical not excepted, ${waived.length} excepted; all severities: ${JSON.stringify(total)}`);
process.exit(failing.length > 0 ? 1 : 0);
