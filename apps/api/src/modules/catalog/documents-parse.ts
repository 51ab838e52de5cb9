// The portal's dossier-component table (thành phần hồ sơ) arrives as one flattened string:
// "* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượng<name><form file>1 bản chính,1 bản sao<name>…".
// Each item ends with its count; a "0 bản chính" item with no copies is a remark, not a document.
import type { Channel, DocumentItem } from '@motcua/contracts';
import type { Flag } from './source-parse.ts';

const HEADER = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng';
const COUNT = /(\d+) bản chính(?:\s*,\s*(\d+) bản sao)?|(\d+) bản sao/g;
const FORM_FILE = /\.(docx?|pdf|xlsx?|rtf|odt)$/i;
const UPPER = 'A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ';
const JOIN = new RegExp(`[).](?=[${UPPER}])`, 'u');

export type ParsedDocuments = { documents: DocumentItem[]; notes: string[]; flags: Flag[] };

export function readDocuments(text: string): ParsedDocuments {
  const documents: DocumentItem[] = [];
  const notes: string[] = [];
  const sections = text.split(HEADER);
  // The text before the first header is the first section's heading; each later chunk holds that
  // section's items followed by the next section's heading.
  let heading = sections[0] ?? '';
  for (let s = 1; s < sections.length; s++) {
    const { items, tail } = splitItems(sections[s]!);
    const section = sectionOf(heading);
    for (const item of items) {
      if (section.kind === 'notes' || (item.originals === 0 && item.copies === 0)) {
        if (item.text) notes.push(item.text);
        continue;
      }
      const { name, form } = splitForm(item.text.replace(/^[-+•*]\s*/, ''));
      if (!name) continue;
      documents.push({
        id: `d${String(documents.length + 1).padStart(2, '0')}`,
        name,
        group: section.group,
        kind: section.kind,
        originals: item.originals,
        copies: item.copies,
        requirement: isConditional(name, section.group) ? 'conditional' : 'mandatory',
        digitise: section.kind === 'submit',
        reuse: reuseOf(name),
        form,
        ...channelsOf(name),
      });
    }
    heading = tail;
  }
  const leftover = clean(heading);
  if (sections.length === 1 && leftover) notes.push(leftover);
  const flags: Flag[] = [];
  if (documents.length === 0) flags.push({ field: 'documents', message: 'no document list could be read from the published text' });
  return { documents, notes, flags };
}

type RawItem = { text: string; originals: number; copies: number };

function splitItems(chunk: string): { items: RawItem[]; tail: string } {
  const items: RawItem[] = [];
  let last = 0;
  for (const m of chunk.matchAll(COUNT)) {
    // "…ngày 31/12/20251 bản chính": the count cell is glued to a year; it is the last digit.
    const first = m[1] ?? m[3] ?? '0';
    const glued = first.length > 2 ? first.length - 1 : 0;
    const count = Number(first.slice(glued));
    const originals = m[1] !== undefined ? count : 0;
    const copies = m[2] !== undefined ? Number(m[2]) : m[3] !== undefined ? count : 0;
    items.push({ text: clean(chunk.slice(last, m.index + glued)), originals, copies });
    last = m.index + m[0].length;
  }
  return { items, tail: chunk.slice(last) };
}

function sectionOf(heading: string): { kind: 'submit' | 'present' | 'notes'; group: string | null } {
  const h = clean(heading).replace(/^\*\s*/, '').replace(/:$/, '').trim();
  if (/^lưu ý/i.test(h)) return { kind: 'notes', group: null };
  if (/xuất trình/i.test(h)) return { kind: 'present', group: null };
  if (!/\p{L}/u.test(h) || /^giấy tờ phải nộp$/i.test(h)) return { kind: 'submit', group: null };
  return { kind: 'submit', group: h.length > 1000 ? `${h.slice(0, 999)}…` : h };
}

/** "Tờ khai … (Mẫu số 01 …).Mẫu số 01 - Đơn.docx" → name and form file, split where the cells were joined. */
function splitForm(text: string): { name: string; form: string | null } {
  if (!FORM_FILE.test(text)) return { name: text, form: null };
  const join = JOIN.exec(text);
  if (!join || join.index < 5) return { name: text, form: null };
  return { name: clean(text.slice(0, join.index + 1)), form: clean(text.slice(join.index + 1)).slice(0, 300) };
}

/**
 * "… (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp hoặc gửi hồ sơ qua hệ thống
 * bưu chính)": the document belongs to those channels only. Without such a clause, to all of them.
 */
export function channelsOf(name: string): { channels?: Channel[] } {
  const clause = /lựa chọn nộp hồ sơ theo hình thức ([^)]*)/i.exec(name)?.[1]?.toLowerCase();
  if (!clause) return {};
  const channels: Channel[] = [];
  if (/trực tiếp/.test(clause)) channels.push('counter');
  if (/trực tuyến/.test(clause)) channels.push('online');
  if (/bưu chính|bưu điện/.test(clause)) channels.push('postal');
  return channels.length > 0 && channels.length < 3 ? { channels } : {};
}

function isConditional(name: string, group: string | null): boolean {
  const n = name.replace(/^[-+•*\s]+/, '').toLowerCase();
  return group !== null || /^(trường hợp|đối với|nếu|riêng)/.test(n) || /\(nếu có\)|trong trường hợp/.test(n);
}

function reuseOf(name: string): DocumentItem['reuse'] {
  const n = name.toLowerCase();
  if (/cơ sở dữ liệu quốc gia về dân cư|csdlqg|vneid|căn cước|giấy tờ tùy thân|giấy tờ tuỳ thân/.test(n)) return 'population_db';
  if (/^[-+\s]*(bản sao\s+)?(giấy chứng nhận|giấy phép|trích lục|giấy khai sinh|giấy đăng ký)/.test(n)) return 'earlier_result';
  return 'none';
}

function clean(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 5000 ? `${t.slice(0, 4999)}…` : t;
}
