import type { AssistantLanguage, DocumentItem, PrecheckFile, PrecheckResponse } from '@motcua/contracts';
import { canonicalise } from './synonyms.ts';
import { fold, words } from './text.ts';

/** What the dossier file store accepts (see dossier scans): PDF, JPEG, PNG up to 10 MB each. */
export const ACCEPTED_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);
const BY_EXTENSION: Record<string, string> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Words that say nothing about which paper a file is. */
const NOISE = new Set(['giay', 'to', 'ban', 'cua', 'va', 'cac', 'theo', 'mau', 'trong', 'truong', 'hop', 'co', 'thi', 'phai', 'nop', 'xuat', 'trinh', 'hoac', 'nguoi', 'yeu', 'cau', 'doi', 'voi', 'duoc', 'khong', 'la', 'scan', 'img', 'image', 'file', 'anh', 'pdf', 'jpg', 'png', 'final', 'copy']);

const meaningful = (text: string) => new Set(words(canonicalise(fold(text))).filter((w) => w.length > 1 && !NOISE.has(w) && !/^\d+$/.test(w)));

const typeOf = (f: PrecheckFile) => (f.type || BY_EXTENSION[f.name.split('.').pop()?.toLowerCase() ?? ''] || '').toLowerCase();

/**
 * Which checklist item a file most likely is, from the words of its name ("giay-chung-sinh.pdf" →
 * "Giấy chứng sinh"): at least two shared words, or one word no other item has.
 */
export function guessItem(fileName: string, documents: DocumentItem[]): string | null {
  const base = fileName.replace(/\.[a-z0-9]{2,5}$/i, '');
  const fileWords = meaningful(base);
  if (fileWords.size === 0) return null;
  const filePairs = pairsOf(base);
  const docWords = documents.map((d) => meaningful(d.name));
  let best: { id: string; score: number } | null = null;
  documents.forEach((d, i) => {
    const shared = [...fileWords].filter((w) => docWords[i]!.has(w));
    const unique = shared.filter((w) => docWords.filter((s) => s.has(w)).length === 1);
    const docPairs = pairsOf(d.name);
    const pairs = [...filePairs].filter((p) => docPairs.has(p)).length;
    const score = shared.length + unique.length + 2 * pairs;
    if ((shared.length >= 2 || unique.length >= 1 || pairs >= 1) && (!best || score > best.score)) best = { id: d.id, score };
  });
  return (best as { id: string } | null)?.id ?? null;
}

/** Word pairs without the noise words in between removed: "giấy chứng sinh" → "chung sinh". */
function pairsOf(text: string): Set<string> {
  const ws = words(fold(text));
  return new Set(ws.slice(1).map((w, i) => `${ws[i]} ${w}`).filter((p) => !p.split(' ').every((w) => NOISE.has(w))));
}

type Result = Omit<PrecheckResponse, 'code' | 'version' | 'procedureName' | 'citations'>;

const TEXT = {
  vi: { complete: 'Đã có tệp cho mọi giấy tờ bắt buộc theo danh mục.', missing: (n: number) => `Còn thiếu ${n} giấy tờ bắt buộc.`, rejected: (n: number) => ` ${n} tệp không nhận được (chỉ PDF, JPEG, PNG, tối đa 10 MB).`, unmatched: (n: number) => ` ${n} tệp chưa rõ là giấy tờ nào: hãy chọn giấy tờ cho từng tệp.` },
  en: { complete: 'Every mandatory document in the catalog has a file.', missing: (n: number) => `${n} mandatory document${n === 1 ? ' is' : 's are'} missing.`, rejected: (n: number) => ` ${n} file${n === 1 ? '' : 's'} cannot be accepted (PDF, JPEG or PNG only, up to 10 MB).`, unmatched: (n: number) => ` ${n} file${n === 1 ? '' : 's'} could not be matched to a document: choose the document for each.` },
  id: { complete: 'Setiap dokumen wajib dalam katalog sudah ada filenya.', missing: (n: number) => `${n} dokumen wajib belum ada.`, rejected: (n: number) => ` ${n} file tidak dapat diterima (hanya PDF, JPEG, PNG, maks. 10 MB).`, unmatched: (n: number) => ` ${n} file belum jelas dokumen apa: pilih dokumen untuk setiap file.` },
};

/** Checks attached files (names, counts, types) against a version's checklist before online submission. */
export function precheck(documents: DocumentItem[], files: PrecheckFile[], lang: AssistantLanguage): Result {
  const rejected: Result['rejected'] = [];
  const byItem = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const f of files) {
    if (f.size === 0) rejected.push({ name: f.name, reason: 'empty' });
    else if (!ACCEPTED_TYPES.has(typeOf(f))) rejected.push({ name: f.name, reason: 'type' });
    else if (f.size > MAX_FILE_BYTES) rejected.push({ name: f.name, reason: 'size' });
    else {
      const itemId = f.itemId && documents.some((d) => d.id === f.itemId) ? f.itemId : guessItem(f.name, documents);
      if (itemId) byItem.set(itemId, [...(byItem.get(itemId) ?? []), f.name]);
      else unmatched.push(f.name);
    }
  }
  const items = documents.map((d) => {
    const attached = byItem.get(d.id) ?? [];
    const status = attached.length > 0 ? 'ok' : d.requirement === 'mandatory' ? 'missing' : 'optional_missing';
    return { itemId: d.id, name: d.name, requirement: d.requirement, files: attached, status } as const;
  });
  const missing = items.filter((i) => i.status === 'missing').map((i) => ({ itemId: i.itemId, name: i.name }));
  const t = TEXT[lang];
  const text = (missing.length ? t.missing(missing.length) : t.complete) + (rejected.length ? t.rejected(rejected.length) : '') + (unmatched.length ? t.unmatched(unmatched.length) : '');
  return { items, missing, rejected, unmatched, text };
}
