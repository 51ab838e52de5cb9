
/** A table as shown on screen, ready to be written as CSV or XLSX. */
export type Table = { title: string; columns: { key: string; header: string; numFmt?: string }[]; rows: Record<string, string | number | null>[] };

const csvCell = (v: string | number | null): string => {
  if (v === null) return '';
  const s = String(v);
  // Quote what needs it; a leading = + - @ is neutralised so a spreadsheet does not run it as a formula.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** UTF-8 with a byte-order mark, so Excel opens Vietnamese text correctly. */
export function toCsv(t: Table): Buffer {
  const lines = [t.columns.map((c) => csvCell(c.header)).join(','), ...t.rows.map((r) => t.columns.map((c) => csvCell(r[c.key] ?? null)).join(','))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function toXlsx(t: Table, createdAt: Date): Promise<Buffer> {
  // Loaded on first export: the library takes longer to load than the whole server takes to start.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Motcua';
  wb.created = createdAt;
  const ws = wb.addWorksheet(t.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  ws.columns = t.columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(10, Math.min(60, c.header.length + 4)), ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of t.rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const mime = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;
