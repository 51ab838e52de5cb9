// Reads an uploaded catalog file (CSV or JSON, see docs/catalog-import.md) into rows of fields
// to set. Pure: the whole file is checked and every bad row reported, so a half-valid file is
// never applied.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { type OnlineLevel, ProcedureCode, ProcedureContent } from '@motcua/contracts';
import type { FieldError } from '../../platform/errors.ts';
import {
  readChannels,
  readLevels,
  readResults,
  splitList,
  type Flag,
  type RawChannel,
} from './source-parse.ts';

export type ImportRow = {
  /** 1-based position in the file (CSV: line of the record, header = 1; JSON: index + 1). */
  row: number;
  code: string;
  fields: Partial<ProcedureContent>;
  flags: Flag[];
  /** CSV channels carry no notes: keep the notes the catalog already has. */
  keepReadings: boolean;
};

export type ParsedFile = { ok: true; rows: ImportRow[] } | { ok: false; errors: FieldError[] };

export const CSV_COLUMNS = [
  'ma_thu_tuc',
  'ten_thu_tuc',
  'cap_thuc_hien',
  'linh_vuc',
  'bo_nganh',
  'loai_thu_tuc',
  'so_quyet_dinh',
  'doi_tuong_thuc_hien',
  'co_quan_thuc_hien',
  'kenh_thoi_han_phi',
  'ket_qua',
  'detail_url',
  'muc_do_truc_tuyen',
  'khong_phu_thuoc_dia_gioi',
] as const;
const REQUIRED = ['ma_thu_tuc', 'ten_thu_tuc', 'linh_vuc'] as const;
const MAX_ERRORS = 200;

export function parseCatalogFile(format: 'csv' | 'json', content: string): ParsedFile {
  const parsed = format === 'csv' ? parseCsv(content.replace(/^\uFEFF/, '')) : parseJson(content);
  if (!parsed.ok) return parsed;
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  for (const r of parsed.rows) {
    const first = seen.get(r.code);
    if (first !== undefined) errors.push({ path: `row ${r.row}`, message: `code ${r.code} already appears in row ${first}` });
    else seen.set(r.code, r.row);
  }
  return errors.length > 0 ? { ok: false, errors: errors.slice(0, MAX_ERRORS) } : parsed;
}

function parseCsv(content: string): ParsedFile {
  let records: string[][];
  try {
    records = parse(content, { relax_column_count: false, skip_empty_lines: true, trim: false });
  } catch (err) {
    return { ok: false, errors: [{ path: 'file', message: `not a valid CSV file: ${(err as Error).message}` }] };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, errors: [{ path: 'file', message: 'the file is empty' }] };
  const columns = header.map((h) => h.trim());
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (unknown.length > 0 || missing.length > 0) {
    return {
      ok: false,
      errors: [
        ...missing.map((c) => ({ path: 'header', message: `missing column ${c}` })),
        ...unknown.map((c) => ({ path: 'header', message: `unknown column ${c}` })),
      ],
    };
  }
  if (body.length === 0) return { ok: false, errors: [{ path: 'file', message: 'the file has a header but no procedures' }] };
  const rows: ImportRow[] = [];
  const errors: FieldError[] = [];
  body.forEach((record, i) => {
    const cell = (c: (typeof CSV_COLUMNS)[number]) => (columns.includes(c) ? (record[columns.indexOf(c)] ?? '').trim() : undefined);
    const result = csvRow(i + 2, cell);
    if ('errors' in result) errors.push(...result.errors);
    else rows.push(result);
  });
  return errors.length > 0 ? { ok: false, errors: errors.slice(0, MAX_ERRORS) } : { ok: true, rows };
}

function csvRow(row: number, cell: (c: (typeof CSV_COLUMNS)[number]) => string | undefined): ImportRow | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const err = (column: string, message: string) => errors.push({ path: `row ${row}.${column}`, message });
  const code = cell('ma_thu_tuc') ?? '';
  if (!ProcedureCode.safeParse(code).success) err('ma_thu_tuc', `"${code}" is not a procedure code such as 1.001193`);
  const fields: Partial<ProcedureContent> = {};
  const flags: Flag[] = [];
  const name = cell('ten_thu_tuc') ?? '';
  if (!name) err('ten_thu_tuc', 'the name is empty');
  else fields.name = name.replace(/\s+/g, ' ');
  const sector = cell('linh_vuc') ?? '';
  if (!sector) err('linh_vuc', 'the sector is empty');
  else fields.sector = sector;
  const levelsText = cell('cap_thuc_hien');
  if (levelsText !== undefined) {
    const { levels, unknown } = readLevels(levelsText.split(/[,;]/));
    if (unknown.length > 0) err('cap_thuc_hien', `unknown level ${unknown.join(', ')} (use Cấp xã, Cấp tỉnh, Cấp bộ, Cơ quan khác)`);
    else if (levels.length === 0) err('cap_thuc_hien', 'no implementing level');
    else fields.levels = levels;
  }
  const text = (c: (typeof CSV_COLUMNS)[number], key: 'ministry' | 'procedureType' | 'decisionNumber' | 'sourceUrl') => {
    const v = cell(c);
    if (v !== undefined) fields[key] = v;
  };
  text('bo_nganh', 'ministry');
  text('loai_thu_tuc', 'procedureType');
  text('so_quyet_dinh', 'decisionNumber');
  text('detail_url', 'sourceUrl');
  const applicants = cell('doi_tuong_thuc_hien');
  if (applicants !== undefined) fields.applicantTypes = splitList(applicants);
  const agency = cell('co_quan_thuc_hien');
  if (agency !== undefined) fields.competentAgency = agency;
  const channelsText = cell('kenh_thoi_han_phi');
  if (channelsText !== undefined) {
    const raw = readChannelCell(channelsText);
    const { channels, flags: channelFlags, unknown } = readChannels(raw, { mentionsCutoff: false });
    if (unknown.length > 0) err('kenh_thoi_han_phi', `unknown channel ${unknown.join(', ')} (use Trực tiếp, Trực tuyến, Dịch vụ bưu chính)`);
    fields.channels = channels;
    flags.push(...channelFlags);
  }
  const online = cell('muc_do_truc_tuyen');
  if (online) {
    const level = ONLINE_WORDS[online.toLowerCase()];
    if (!level) err('muc_do_truc_tuyen', `"${online}" is not one of toàn trình, một phần, không`);
    else fields.onlineLevel = level;
  }
  const boundary = cell('khong_phu_thuoc_dia_gioi');
  if (boundary) {
    const value = YES_NO[boundary.toLowerCase()];
    if (value === undefined) err('khong_phu_thuoc_dia_gioi', `"${boundary}" is not có or không`);
    else fields.boundaryFree = value;
  }
  const results = cell('ket_qua');
  if (results !== undefined) fields.results = readResults(results);
  if (errors.length > 0) return { errors };
  return { row, code, fields, flags, keepReadings: true };
}

const ONLINE_WORDS: Record<string, OnlineLevel> = {
  'toàn trình': 'full',
  'một phần': 'partial',
  không: 'none',
  full: 'full',
  partial: 'partial',
  none: 'none',
};
const YES_NO: Record<string, boolean> = { có: true, không: false, true: true, false: false, '1': true, '0': false };

/** "Trực tuyến: 7 Ngày làm việc / 70,000 VNĐ; Trực tiếp: 1 / Miễn phí" → raw channel entries. */
export function readChannelCell(text: string): RawChannel[] {
  if (!text.trim()) return [];
  return text.split(/;\s*/).map((part) => {
    const colon = part.indexOf(':');
    const label = colon < 0 ? part : part.slice(0, colon);
    const rest = colon < 0 ? '' : part.slice(colon + 1).trim();
    const slash = rest.indexOf(' / ');
    const timePart = (slash < 0 ? (rest.startsWith('/') ? '' : rest) : rest.slice(0, slash)).trim();
    const fee = (slash >= 0 ? rest.slice(slash + 3) : rest.startsWith('/') ? rest.slice(1) : '').trim();
    const m = /^([\d.,]*)\s*(.*)$/.exec(timePart)!;
    return { channel: label.trim(), time: m[1]!.replace(/,$/, ''), unit: m[2]!.trim(), fee, note: '' };
  });
}

const JsonRow = ProcedureContent.partial().extend({ code: ProcedureCode }).strict();
const JsonFile = z.object({ procedures: z.array(z.unknown()).min(1).max(20_000) });

function parseJson(content: string): ParsedFile {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (err) {
    return { ok: false, errors: [{ path: 'file', message: `not valid JSON: ${(err as Error).message}` }] };
  }
  const file = JsonFile.safeParse(data);
  if (!file.success) return { ok: false, errors: [{ path: 'file', message: 'expected an object with a non-empty "procedures" array' }] };
  const rows: ImportRow[] = [];
  const errors: FieldError[] = [];
  file.data.procedures.forEach((item, i) => {
    const r = JsonRow.safeParse(item);
    if (!r.success) {
      for (const issue of r.error.issues) errors.push({ path: `procedures[${i}]${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`, message: issue.message });
      return;
    }
    const { code, ...fields } = r.data;
    rows.push({ row: i + 1, code, fields, flags: [], keepReadings: false });
  });
  return errors.length > 0 ? { ok: false, errors: errors.slice(0, MAX_ERRORS) } : { ok: true, rows };
}
