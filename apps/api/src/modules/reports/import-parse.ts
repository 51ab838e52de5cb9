import { parse } from 'csv-parse/sync';
import { ImportedDossier } from '@motcua/contracts';
import type { FieldError } from '../../platform/errors.ts';

const booleans = ['paidOnline', 'hasEResult', 'digitized', 'reusedComponent', 'usedPopulationData', 'syncedToPortal'] as const;
const optionalDates = ['dueAt', 'finishedAt', 'returnedAt'] as const;
const truthy = new Set(['1', 'true', 'x', 'có', 'co', 'yes', 'y']);
const falsy = new Set(['', '0', 'false', 'không', 'khong', 'no', 'n']);

/**
 * The CSV form of the import: one dossier per line, the JSON field names as headers; booleans as
 * 1/0, true/false or có/không; `supplements` as `requestedAt>suppliedAt` pairs separated by `;`.
 * Returns plain objects for the same row-by-row validation as JSON.
 */
export function csvRows(text: string): Record<string, unknown>[] {
  const records = parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as Record<string, string>[];
  return records.map((r) => {
    const o: Record<string, unknown> = { ...r };
    if (r.channel !== undefined) o.channel = /^\d+$/.test(r.channel) ? Number(r.channel) : r.channel;
    if (r.feeAmount !== undefined) o.feeAmount = r.feeAmount === '' ? 0 : /^\d+$/.test(r.feeAmount) ? Number(r.feeAmount) : r.feeAmount;
    for (const k of booleans) {
      const v = r[k]?.toLowerCase();
      if (v === undefined) continue;
      o[k] = truthy.has(v) ? true : falsy.has(v) ? false : r[k];
    }
    for (const k of optionalDates) if (r[k] === '') o[k] = null;
    if (r.rating !== undefined) o.rating = r.rating === '' ? null : r.rating;
    o.supplements = (r.supplements ?? '')
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((pair) => {
        const [requestedAt, suppliedAt] = pair.split('>').map((x) => x.trim());
        return { requestedAt, suppliedAt: suppliedAt || null };
      });
    return o;
  });
}

export type RowProblem = { row: number; code: string | null; errors: FieldError[] };

/** Shape checks of every row (1-based row numbers, as a person counts lines of data). */
export function checkShapes(rows: unknown[]): { ok: ImportedDossier[]; problems: RowProblem[] } {
  const ok: ImportedDossier[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, i) => {
    const parsed = ImportedDossier.safeParse(raw);
    const code = typeof (raw as { code?: unknown })?.code === 'string' ? ((raw as { code: string }).code as string) : null;
    if (!parsed.success) {
      problems.push({ row: i + 1, code, errors: parsed.error.issues.map((e) => ({ path: e.path.join('.') || '(row)', message: e.message })) });
      return;
    }
    const d = parsed.data;
    const errors: FieldError[] = [];
    const accepted = !['not_accepted'].includes(d.status);
    if (accepted && !d.dueAt) errors.push({ path: 'dueAt', message: 'required once a dossier was accepted' });
    if (['finished', 'returned'].includes(d.status) && !d.finishedAt) errors.push({ path: 'finishedAt', message: `required for status ${d.status}` });
    if (d.status === 'returned' && !d.returnedAt) errors.push({ path: 'returnedAt', message: 'required for status returned' });
    if (!['finished', 'returned'].includes(d.status) && d.finishedAt) errors.push({ path: 'finishedAt', message: `a ${d.status} dossier has no finish time` });
    const received = Date.parse(d.receivedAt);
    for (const k of ['dueAt', 'finishedAt', 'returnedAt'] as const) {
      const v = d[k];
      if (v && Date.parse(v) < received) errors.push({ path: k, message: 'before receivedAt' });
    }
    if (d.finishedAt && d.returnedAt && Date.parse(d.returnedAt) < Date.parse(d.finishedAt)) errors.push({ path: 'returnedAt', message: 'before finishedAt' });
    const first = seen.get(d.code);
    if (first !== undefined) errors.push({ path: 'code', message: `the same code as row ${first}` });
    seen.set(d.code, i + 1);
    if (errors.length > 0) problems.push({ row: i + 1, code: d.code, errors });
    else ok.push(d);
  });
  return { ok, problems };
}
