import type { AssistantIntent } from '@motcua/contracts';

type CatalogIntent = Exclude<AssistantIntent, 'dossier'>;

/** Folded phrases that say what the person wants to know (vi, en, id). */
const CUES: Record<CatalogIntent, string[]> = {
  documents: [
    'can gi', 'can nhung gi', 'can giay to', 'giay to gi', 'giay to', 'ho so gom', 'ho so', 'mang gi', 'mang theo', 'chuan bi', 'thanh phan', 'can nhung giay',
    'what do i need', 'what papers', 'papers', 'documents', 'what to bring', 'bring',
    'syarat', 'dokumen', 'berkas', 'apa saja',
  ],
  fees: [
    'co mat phi', 'mat phi', 'co phi', 'le phi', 'phi', 'bao nhieu tien', 'mat tien', 'ton tien', 'het bao nhieu', 'chi phi', 'mien phi',
    'fee', 'fees', 'cost', 'how much', 'price', 'free',
    'biaya', 'bayar', 'gratis', 'harga',
  ],
  time: [
    'mat bao lau', 'mat may ngay', 'bao lau', 'may ngay', 'thoi gian', 'bao nhieu ngay', 'khi nao co', 'lau khong', 'trong bao lau', 'thoi han',
    'how long', 'how many days', 'when will',
    'berapa lama', 'waktu', 'berapa hari',
  ],
  where: [
    'o dau', 'noi nao', 'cho nao', 'co quan nao', 'di dau', 'nop o', 'quay nao',
    'where', 'which office',
    'di mana', 'dimana', 'kemana', 'ke mana',
  ],
  online: ['truc tuyen', 'online', 'qua mang', 'dich vu cong', 'tren mang', 'nop mang', 'tai nha', 'daring', 'internet'],
  conditions: ['dieu kien', 'ai duoc', 'doi tuong', 'condition', 'conditions', 'eligible', 'who can', 'ketentuan', 'siapa yang'],
  legal: ['can cu phap ly', 'can cu', 'luat nao', 'nghi dinh', 'thong tu', 'phap ly', 'legal basis', 'which law', 'law', 'dasar hukum', 'hukum'],
  steps: ['trinh tu', 'cac buoc', 'quy trinh', 'cach lam', 'lam the nao', 'the nao', 'nhu the nao', 'how to', 'how do', 'steps', 'procedure', 'langkah', 'prosedur', 'bagaimana', 'cara'],
};

/** Phrases about one's own dossier: "hồ sơ của tôi", "why is my dossier waiting". */
const DOSSIER_CUES = ['ho so cua toi', 'ho so cua em', 'ho so cua minh', 'ho so toi', 'ho so em', 'ho so da', 'ho so den dau', 'ho so sao', 'tinh trang ho so', 'tra cuu ho so', 'my dossier', 'my application', 'dossier status', 'status of my', 'berkas saya', 'status berkas', 'permohonan saya'];

const phrase = (p: string) => new RegExp(`(^| )${p}(?= |$)`, 'g');
const cueTable = (Object.entries(CUES) as [CatalogIntent, string[]][]).map(([intent, list]) => ({
  intent,
  patterns: [...list].sort((a, b) => b.length - a.length).map(phrase),
}));
const dossierPatterns = DOSSIER_CUES.map(phrase);

export type Intents = {
  intents: AssistantIntent[];
  /** The question without the words that only carried the intent: what retrieval should look at. */
  rest: string;
};

/** Intents in the order they are asked about; none = an overview (documents, fees, time, where). */
export function detectIntents(folded: string): Intents {
  let rest = ` ${folded} `;
  const intents: AssistantIntent[] = [];
  if (dossierPatterns.some((p) => new RegExp(p.source).test(folded))) intents.push('dossier');
  for (const { intent, patterns } of cueTable) {
    for (const p of patterns) {
      if (new RegExp(p.source).test(rest)) {
        if (!intents.includes(intent)) intents.push(intent);
        rest = rest.replace(p, ' ');
      }
    }
  }
  return { intents, rest: rest.replace(/\s+/g, ' ').trim() };
}

/** What an answer shows for the intents asked (an overview when none). */
export function sectionsFor(intents: AssistantIntent[]): CatalogIntent[] {
  const asked = intents.filter((i): i is CatalogIntent => i !== 'dossier');
  return asked.length > 0 ? asked : ['documents', 'fees', 'time', 'where'];
}
