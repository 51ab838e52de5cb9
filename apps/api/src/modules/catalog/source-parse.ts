// Reads the National Public Service Portal's flattened procedure text into the structured model.
// Pure: used by the seed builder (portal JSON) and by the CSV importer. Every doubtful reading
// keeps the published text next to the value and raises a review flag; nothing is guessed silently.
import type { AgencyType, Channel, ChannelTerms, FeeLine, LegalBasis, OnlineLevel, ProcedureLevel, ResultDocument, TimeLimit } from '@motcua/contracts';

export type Flag = { field: string; message: string };

/** One channel entry as the portal lists it ("Trực tiếp", "7", "Ngày làm việc", "Miễn phí", note). */
export type RawChannel = { channel: string; time: string; unit: string; fee: string; note: string };

const CHANNELS: Record<string, Channel> = { 'trực tiếp': 'counter', 'trực tuyến': 'online', 'dịch vụ bưu chính': 'postal' };

export function channelOf(label: string): Channel | null {
  return CHANNELS[label.trim().toLowerCase()] ?? null;
}

const LEVELS: Record<string, ProcedureLevel> = { 'cấp xã': 'commune', 'cấp tỉnh': 'province', 'cấp bộ': 'ministry', 'cơ quan khác': 'other' };

/** "Cấp tỉnh, Cấp xã" → ['province', 'commune']; unknown labels are returned for an error report. */
export function readLevels(labels: string[]): { levels: ProcedureLevel[]; unknown: string[] } {
  const levels: ProcedureLevel[] = [];
  const unknown: string[] = [];
  for (const raw of labels.map((l) => l.trim()).filter(Boolean)) {
    const level = LEVELS[raw.toLowerCase()];
    if (!level) unknown.push(raw);
    else if (!levels.includes(level)) levels.push(level);
  }
  return { levels, unknown };
}

type TimeReading = { timeLimit: TimeLimit | null; text: string; doubt: string | null };

/**
 * The portal states a number and a unit. "Ngày" (days) is read as working days, the unit of
 * nearly every procedure, but flagged; a bare "1" for a procedure whose steps mention the 15:00
 * rule is the same-day limit of civil-status procedures.
 */
export function readTimeLimit(value: string, unit: string, hints: { mentionsCutoff: boolean }): TimeReading {
  const v = value.trim();
  const u = unit.trim().toLowerCase();
  const text = `${v} ${unit.trim()}`.trim();
  if (v === '') return { timeLimit: null, text, doubt: 'no time limit stated' };
  const n = Number(v.replace(',', '.'));
  if (!Number.isFinite(n) || n < 0) return { timeLimit: null, text, doubt: `time limit "${text}" is not a number` };
  if (u === 'giờ' || u === 'giờ làm việc') {
    return n <= 8 * 365 ? { timeLimit: { workingHours: n }, text, doubt: null } : { timeLimit: null, text, doubt: `time limit "${text}" is too long` };
  }
  if (u === 'tháng') return { timeLimit: null, text, doubt: `time limit "${text}" is in months; enter it in working days` };
  if (u !== '' && u !== 'ngày' && u !== 'ngày làm việc') return { timeLimit: null, text, doubt: `unknown time unit "${unit}"` };
  if (n > 365) return { timeLimit: null, text, doubt: `time limit "${text}" is too long` };
  const days = Math.ceil(n * 2) / 2;
  const rounded = days !== n ? `; rounded up to ${days}` : '';
  if (u === 'ngày làm việc') return { timeLimit: { workingDays: days }, text, doubt: rounded ? `time limit ${n}${rounded}` : null };
  if (u === 'ngày') return { timeLimit: { workingDays: days }, text, doubt: `"${text}" read as ${workingDays(days)}; check whether calendar days are meant${rounded}` };
  if ((n === 1 || n === 0) && hints.mentionsCutoff) {
    return { timeLimit: { sameDay: true, cutoff: '15:00' }, text, doubt: `"${v}" without a unit read as same day with a 15:00 cut-off (the steps mention 15 giờ)` };
  }
  return { timeLimit: { workingDays: days }, text, doubt: `"${v}" without a unit read as ${workingDays(days)}${rounded}` };
}

const workingDays = (n: number) => `${n} working day${n === 1 ? '' : 's'}`;

/** Amounts a note mentions in đồng ("4.000 đ", "70.000 đồng", "5000 đồng"). */
export function amountsInNote(note: string): number[] {
  const out = new Set<number>();
  for (const m of note.matchAll(/(\d{1,3}(?:\.\d{3})+|\d+)\s*(?:đồng|VNĐ|đ(?!\p{L}))/giu)) out.add(Number(m[1]!.replace(/\./g, '')));
  return [...out];
}

type FeeReading = { fees: FeeLine[] | null; doubts: string[] };

const FEE_LABEL = 'Phí, lệ phí';

/** "Miễn phí" → [], "70,000 VNĐ" → one line of 70 000 đồng, "" → not stated (null). */
export function readFee(value: string, note: string): FeeReading {
  const v = value.trim();
  const mentioned = amountsInNote(note);
  if (v === '') return { fees: null, doubts: ['fees not stated'] };
  if (/^miễn phí$/i.test(v)) {
    const doubts: string[] = [];
    if (/hội đồng nhân dân/i.test(note)) doubts.push('listed as free, but the note says the provincial council sets the fee');
    else if (mentioned.some((a) => a > 0)) doubts.push(`listed as free, but the note mentions ${mentioned.map(dong).join(', ')}`);
    return { fees: [], doubts };
  }
  const m = /^([\d.,]+)\s*(VNĐ|Việt Nam Đồng|đồng|đ|USD)$/i.exec(v);
  if (!m) return { fees: null, doubts: [`fee "${v}" could not be read`] };
  if (m[2]!.toUpperCase() === 'USD') return { fees: null, doubts: [`fee stated in US dollars ("${v}"); enter it in đồng`] };
  const amount = Number(m[1]!.replace(/[.,]/g, ''));
  if (!Number.isSafeInteger(amount)) return { fees: null, doubts: [`fee "${v}" could not be read`] };
  const doubts: string[] = [];
  if (amount > 0 && amount < 1000) doubts.push(`fee of ${dong(amount)} is implausibly small`);
  if (mentioned.length > 0 && !mentioned.includes(amount)) doubts.push(`fee ${dong(amount)} differs from the note (${mentioned.map(dong).join(', ')})`);
  return { fees: [{ label: FEE_LABEL, amount }], doubts };
}

const dong = (n: number) => `${n.toLocaleString('vi-VN')} đ`;

/** Longest first, so the primary limit of a channel is never shorter than a listed case. */
function weight(t: TimeLimit | null): number {
  if (!t) return -1;
  if ('workingDays' in t) return t.workingDays;
  if ('workingHours' in t) return t.workingHours / 8;
  return 0;
}

/** Groups the portal's channel entries into one ChannelTerms per channel, with flags. */
export function readChannels(raw: RawChannel[], hints: { mentionsCutoff: boolean }): { channels: ChannelTerms[]; flags: Flag[]; unknown: string[] } {
  const byChannel = new Map<Channel, (ChannelTerms['cases'][number] & { doubts: string[] })[]>();
  const unknown: string[] = [];
  for (const r of raw) {
    const channel = channelOf(r.channel);
    if (!channel) {
      unknown.push(r.channel);
      continue;
    }
    const time = readTimeLimit(r.time, r.unit, hints);
    const fee = readFee(r.fee, r.note);
    const doubts = [...(time.doubt ? [time.doubt] : []), ...fee.doubts];
    const list = byChannel.get(channel) ?? [];
    list.push({ timeLimit: time.timeLimit, timeLimitText: time.text, fees: fee.fees, feeText: r.fee.trim().slice(0, 200), note: cleanNote(r.note), doubts });
    byChannel.set(channel, list);
  }
  const channels: ChannelTerms[] = [];
  const flags: Flag[] = [];
  for (const channel of ['counter', 'online', 'postal'] as const) {
    const list = byChannel.get(channel);
    if (!list) continue;
    const ordered = [...list].sort((a, b) => weight(b.timeLimit) - weight(a.timeLimit));
    const [primary, ...cases] = ordered;
    channels.push({ channel, ...strip(primary!), cases: cases.map(strip) });
    for (const d of primary!.doubts) flags.push({ field: `channels.${channel}`, message: d });
    if (cases.length > 0) {
      flags.push({
        field: `channels.${channel}`,
        message: `${list.length} time limits listed (${list.map((c) => c.timeLimitText || '—').join(' / ')}): cases or stages; the longest is used`,
      });
    }
  }
  return { channels, flags: mergeFlags(flags), unknown };
}

function strip({ timeLimit, timeLimitText, fees, feeText, note }: ChannelTerms['cases'][number]): ChannelTerms['cases'][number] {
  return { timeLimit, timeLimitText, fees, feeText, note };
}

function cleanNote(note: string): string {
  const n = note.replace(/^Không có thông tin/, '').trim();
  return n.length > 5000 ? `${n.slice(0, 4999)}…` : n;
}

/** The same doubt on several channels becomes one flag naming them all. */
export function mergeFlags(flags: Flag[]): Flag[] {
  const byMessage = new Map<string, string[]>();
  for (const f of flags) byMessage.set(f.message, [...(byMessage.get(f.message) ?? []), f.field]);
  return [...byMessage].map(([message, fields]) => ({
    field: fields.length === 1 ? fields[0]! : `channels[${fields.map((f) => f.replace('channels.', '')).join(',')}]`,
    message,
  }));
}

/** Online service exists (partial) when the portal offers an online channel; "full" needs a person to confirm. */
export function onlineLevelOf(channels: ChannelTerms[]): OnlineLevel {
  return channels.some((c) => c.channel === 'online') ? 'partial' : 'none';
}

/** Decree 118/2025: provincial and commune centers receive these regardless of the applicant's address. */
export function boundaryFreeOf(levels: ProcedureLevel[]): boolean {
  return levels.includes('commune') || levels.includes('province');
}

export function agencyTypeOf(agency: string, levels: ProcedureLevel[]): AgencyType {
  const a = agency.toLowerCase();
  if (/cấp xã|\bxã\b|phường|thị trấn/.test(a)) return 'commune';
  if (/tỉnh|\bsở\b|thành phố trực thuộc/.test(a)) return 'province';
  if (/\bbộ\b|\bcục\b|tổng cục|ngân hàng nhà nước|tòa án nhân dân tối cao/.test(a)) return 'central';
  if (a.trim() === '') return levels.includes('commune') ? 'commune' : levels.includes('province') ? 'province' : levels.includes('ministry') ? 'central' : 'other';
  return 'other';
}

/** Splits "A, B (x, y), C" on commas outside parentheses. */
export function splitList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter(Boolean);
}

/** "Giấy khai sinh (KQ.G15.000031) | Trích lục (KQ.G15.000033)" → result documents. */
export function readResults(text: string): ResultDocument[] {
  return text
    .split(' | ')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = /^(.*?)\s*\((KQ\.[A-Z0-9.]+)\)$/.exec(s);
      const name = (m ? m[1]! : s).replace(/\s+/g, ' ').trim();
      return { name: name || s, code: m ? m[2]! : null };
    });
}

/** The portal's legal-basis table arrives as "Tên văn bản pháp lýMã văn bản<title><number>…". */
export function readLegalBasis(text: string): LegalBasis[] {
  const body = text.replace(/^Tên văn bản pháp lýMã văn bản/, '').trim();
  if (!body) return [];
  const out: LegalBasis[] = [];
  // A number ends where the next title starts: a capitalised word ("…QH15Nghị định…").
  const re = /(.+?)(\d{1,4}\/\d{4}(?:\/[\p{Lu}0-9-]+)?)(?=\p{Lu}\p{Ll}|$)/gsu;
  let last = 0;
  for (const m of body.matchAll(re)) {
    out.push({ title: m[1]!.trim(), number: m[2]! });
    last = m.index + m[0].length;
  }
  if (last < body.length) out.push({ title: body.slice(last).trim(), number: '' });
  return out.filter((l) => l.title || l.number);
}

/** Steps: one entry per non-empty line of the published sequence. */
export function readSteps(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l.length > 0);
}

export const mentionsCutoff = (steps: string) => /sau 15 giờ|sau 15h|15 giờ/i.test(steps);
