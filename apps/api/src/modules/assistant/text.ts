import type { AssistantLanguage } from '@motcua/contracts';

/**
 * Lower case, no diacritics (đ → d), letters and digits only, single spaces: "Đăng ký KHAI SINH!"
 * and "dang ky khai sinh" read the same. Citizens type both, often on phones without a Vietnamese
 * keyboard.
 */
export function fold(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export const words = (folded: string): string[] => (folded ? folded.split(' ') : []);

/** Personal data a question may carry; none of it is kept in the quality log. */
const REDACTIONS: [RegExp, string][] = [
  [/[\w.+-]+@[\w-]+\.[\w.-]+/g, '[email]'],
  // Dossier codes such as H46.01-261123-0001 point to one person's file.
  [/\b[A-Z]\d{2}(\.\d{1,3})*-\d{6}-\d{4}\b/gi, '[dossier]'],
  // Citizen ID (12 digits), old ID card (9), phone numbers (0 + 9–10 digits, +84…), with or without spaces.
  [/(\+?84|0)(?:[\s.-]?\d){9,10}\b/g, '[phone]'],
  [/\b\d(?:[\s.-]?\d){8,11}\b/g, '[id]'],
];

export function redact(text: string): string {
  return REDACTIONS.reduce((acc, [pattern, label]) => acc.replace(pattern, label), text.normalize('NFC'));
}

/** A dossier code written in the question, e.g. "hồ sơ H46.01-261123-0001 đến đâu rồi". */
export function dossierCodeIn(text: string): string | null {
  return /\b([A-Z]\d{2}(?:\.\d{1,3})*-\d{6}-\d{4})\b/i.exec(text)?.[1]?.toUpperCase() ?? null;
}

const VIETNAMESE_MARKS = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
// Words that are also Vietnamese syllables without their marks ("the" = thẻ, "can" = cần, "do" = đó) are left out.
const ENGLISH = new Set(['how', 'what', 'where', 'which', 'when', 'does', 'our', 'is', 'are', 'for', 'of', 'need', 'get', 'much', 'my', 'we', 'your', 'you', 'want', 'with', 'please', 'help', 'register', 'registration', 'certificate', 'documents', 'papers', 'fee', 'fees', 'permit', 'lost', 'card', 'birth', 'death', 'marriage', 'married', 'copy', 'house', 'business']);
const INDONESIAN = new Set(['bagaimana', 'cara', 'apa', 'yang', 'saya', 'untuk', 'berapa', 'dimana', 'mana', 'anak', 'syarat', 'akta', 'kelahiran', 'kematian', 'pernikahan', 'menikah', 'belum', 'surat', 'keterangan', 'izin', 'usaha', 'rumah', 'tangga', 'dokumen', 'biaya', 'lama', 'ini', 'itu', 'mendaftarkan', 'pendaftaran', 'tempat', 'tinggal', 'sementara', 'melaporkan', 'legalisir', 'fotokopi', 'perlu', 'bisa', 'kartu', 'hilang']);

/** vi when the question has Vietnamese letters; en/id when most words are English/Indonesian; else null. */
export function detectLanguage(question: string): AssistantLanguage | null {
  if (VIETNAMESE_MARKS.test(question.normalize('NFC'))) return 'vi';
  const ws = words(fold(question));
  if (ws.length === 0) return null;
  const en = ws.filter((w) => ENGLISH.has(w)).length;
  const id = ws.filter((w) => INDONESIAN.has(w)).length;
  if (Math.max(en, id) * 3 < ws.length) return null;
  return id > en ? 'id' : en > id ? 'en' : null;
}

/** Damerau–Levenshtein distance capped at 2 (enough to accept one typo). */
export function closeEnough(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  const n = a.length;
  const m = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = [i];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[m]! <= 1;
}
