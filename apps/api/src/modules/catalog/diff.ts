// Field-by-field difference of two versions' content. Lists of items with a natural key
// (documents by id, channels by channel) are matched by key, so inserting a document shows as
// one addition rather than every later item "changed".
import type { FieldChange, ProcedureContent } from '@motcua/contracts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const KEYED: Record<string, string> = { documents: 'id', channels: 'channel' };

export function diffContent(before: ProcedureContent, after: ProcedureContent): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before as unknown as Json, after as unknown as Json, '', out);
  return out;
}

/** Top-level fields that differ; what an import preview lists per procedure. */
export function changedFields(before: ProcedureContent, after: ProcedureContent): string[] {
  return (Object.keys(after) as (keyof ProcedureContent)[]).filter((k) => !equal(before[k] as Json, after[k] as Json));
}

export function equal(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  const ao = a as Record<string, Json>;
  const bo = b as Record<string, Json>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  return [...keys].every((k) => equal(ao[k], bo[k]));
}

function walk(a: Json | undefined, b: Json | undefined, path: string, out: FieldChange[]): void {
  if (equal(a, b)) return;
  if (a === undefined) return void out.push({ path, kind: 'added', before: null, after: b });
  if (b === undefined) return void out.push({ path, kind: 'removed', before: a, after: null });
  const key = KEYED[path];
  if (key && Array.isArray(a) && Array.isArray(b)) return walkKeyed(a, b, path, key, out);
  if (isObject(a) && isObject(b) && !isTimeLimit(a) && !isTimeLimit(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[k], b[k], path ? `${path}.${k}` : k, out);
    return;
  }
  out.push({ path, kind: 'changed', before: a, after: b });
}

function walkKeyed(a: Json[], b: Json[], path: string, key: string, out: FieldChange[]): void {
  const keyOf = (x: Json) => (isObject(x) ? String(x[key]) : JSON.stringify(x));
  const before = new Map(a.map((x) => [keyOf(x), x]));
  const after = new Map(b.map((x) => [keyOf(x), x]));
  for (const [k, x] of before) walk(x, after.get(k), `${path}[${k}]`, out);
  for (const [k, x] of after) if (!before.has(k)) out.push({ path: `${path}[${k}]`, kind: 'added', before: null, after: x });
}

const isObject = (x: Json | undefined): x is { [k: string]: Json } => typeof x === 'object' && x !== null && !Array.isArray(x);

// A time limit is one value ("3 working days" → "same day"), not three separate fields.
const isTimeLimit = (x: { [k: string]: Json }) => 'workingDays' in x || 'workingHours' in x || 'sameDay' in x;
