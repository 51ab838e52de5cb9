// Rebuilds seed/data/procedures-commune.json from the research crawl of the National Public Service
// Portal (not part of the repository):
//   npx tsx apps/api/seed/tools/build-procedures.ts <path>/tthc-cap-xa-2026-07.json
import fs from 'node:fs';
import path from 'node:path';
import { ProcedureContent } from '@motcua/contracts';
import { fromPortalRecord, type PortalRecord } from '../../src/modules/catalog/index.ts';

const source = process.argv[2];
if (!source) throw new Error('usage: build-procedures.ts <tthc-cap-xa-2026-07.json>');
const raw = JSON.parse(fs.readFileSync(source, 'utf8')) as { items: PortalRecord[] };
const procedures = raw.items.map(fromPortalRecord).sort((a, b) => a.code.localeCompare(b.code));
for (const p of procedures) ProcedureContent.parse(p.content);
const out = {
  source: 'National Public Service Portal (dichvucong.gov.vn), commune-level procedures, crawled June–July 2026; see NOTICE.md',
  effectiveFrom: '2026-07-01T00:00:00+07:00',
  procedures,
};
const target = path.resolve(import.meta.dirname, '../data/procedures-commune.json');
// One procedure per line: reviewable diffs without tripling the file size.
const body = out.procedures.map((p) => JSON.stringify(p)).join(',\n');
fs.writeFileSync(target, `{"source":${JSON.stringify(out.source)},"effectiveFrom":${JSON.stringify(out.effectiveFrom)},"procedures":[\n${body}\n]}\n`);
const flags = procedures.reduce((n, p) => n + p.flags.length, 0);
process.stdout.write(`${procedures.length} procedures, ${flags} review flags → ${target}\n`);
