import type { AssistantLanguage, ProcedureVersion } from '@motcua/contracts';
import { detectIntents, type Intents } from './intents.ts';
import { canonicalise, expandAbbreviations } from './synonyms.ts';
import { closeEnough, fold, redact, words } from './text.ts';

/**
 * Ranking of procedures for a free-text question, in memory over the versions in force (pure: the
 * caller loads the versions and the catalog search hits). BM25 over the procedure names (words and
 * word pairs: Vietnamese meaning sits in two-syllable words), a little weight for the sector and the
 * result documents, one-typo matches for unknown words, and a bonus for names the question covers
 * well, so "đăng ký khai sinh" beats "đăng ký khai sinh có yếu tố nước ngoài tại khu vực biên giới".
 */
export type Entry = {
  code: string;
  name: string;
  version: number;
  versionId: string;
  tokens: string[];
  nameSet: Set<string>;
  bigrams: Set<string>;
  extra: Set<string>;
};

export type RetrievalIndex = {
  entries: Entry[];
  byCode: Map<string, Entry>;
  df: Map<string, number>;
  avgLen: number;
  vocab: string[];
};

const nameTokens = (name: string) => words(expandAbbreviations(fold(name).replace(/^thu tuc /, '')));
const pairs = (ts: string[]) => ts.slice(1).map((t, i) => `${ts[i]} ${t}`);

export function buildIndex(versions: Pick<ProcedureVersion, 'code' | 'name' | 'version' | 'id' | 'sector' | 'results'>[]): RetrievalIndex {
  const entries = versions.map((v): Entry => {
    const tokens = nameTokens(v.name);
    const extra = new Set([...words(fold(v.sector)), ...v.results.flatMap((r) => words(fold(r.name)))]);
    return { code: v.code, name: v.name, version: v.version, versionId: v.id, tokens, nameSet: new Set(tokens), bigrams: new Set(pairs(tokens)), extra };
  });
  const df = new Map<string, number>();
  for (const e of entries) for (const t of [...e.nameSet, ...e.bigrams]) df.set(t, (df.get(t) ?? 0) + 1);
  const avgLen = entries.reduce((n, e) => n + e.tokens.length, 0) / Math.max(1, entries.length);
  const vocab = [...new Set(entries.flatMap((e) => [...e.nameSet, ...e.extra]))];
  return { entries, byCode: new Map(entries.map((e) => [e.code, e])), df, avgLen, vocab };
}

const STOP: Record<'vi' | 'en' | 'id', Set<string>> = {
  vi: new Set(['toi', 'em', 'minh', 'anh', 'chi', 'be', 'chau', 'muon', 'xin', 'duoc', 'khong', 'nhe', 'a', 'ah', 'oi', 'vay', 'roi', 'nhi', 'gi', 'nao', 'sao', 'lam', 'cho', 'cua', 'va', 'la', 'thi', 'ma', 'o', 'di', 'den', 've', 'qua', 'ha', 'gium', 'giup', 'voi', 'nay', 'day', 'do', 'phai', 'can', 'nhung', 'mot', 'cac', 'nguoi', 'con', 'moi', 'co', 'trong', 'tren', 'khi', 'neu', 'thi', 'bi', 'sdt', 'thoai', 'la']),
  en: new Set(['the', 'a', 'an', 'i', 'my', 'we', 'our', 'to', 'for', 'of', 'do', 'does', 'how', 'what', 'is', 'are', 'can', 'need', 'get', 'new', 'one', 'baby', 's', 'it', 'in', 'on', 'at', 'me', 'you', 'your', 'please', 'want', 'with', 'and', 'or', 'from', 'this', 'that', 'have', 'has', 'be', 'by', 'son', 'daughter', 'child', 'kid']),
  id: new Set(['bagaimana', 'cara', 'apa', 'yang', 'saya', 'untuk', 'berapa', 'di', 'ke', 'dan', 'ini', 'itu', 'anak', 'perlu', 'bisa', 'mau', 'ingin', 'dengan', 'dari', 'melaporkan', 'mengurus', 'membuat', 'buat', 'kami', 'kita']),
};

/** Fillers that fold to the letters of a real word in these pairs ("cần" / "căn cước", "sao" / "bản sao"). */
const PROTECTED = new Set(['can cuoc', 'ban sao', 'con nuoi', 'me con', 'cha me', 'mot lan', 'nguoi dich', 'nguoi nuoc', 'co so', 'co quan', 'chua co']);
const keep = (ts: string[], i: number) => PROTECTED.has(`${ts[i - 1]} ${ts[i]}`) || PROTECTED.has(`${ts[i]} ${ts[i + 1]}`);

export type Query = Intents & { canonical: string; tokens: string[] };

export function parseQuestion(question: string, language: AssistantLanguage | null): Query {
  // Phone and ID numbers say nothing about the procedure (and must not match catalog numbers).
  const intents = detectIntents(fold(redact(question).replace(/\[(?:phone|id|email|dossier)\]/g, ' ')));
  // English and Indonesian fillers go first, so "register a household business" reads as one phrase.
  const foreign = language === 'en' ? STOP.en : language === 'id' ? STOP.id : null;
  const rest = foreign ? words(intents.rest).filter((t) => !foreign.has(t)).join(' ') : intents.rest;
  const canonical = canonicalise(rest.replace(/(^| )thu tuc( |$)/g, ' ').trim());
  const raw = words(canonical);
  const tokens = raw.filter((t, i) => keep(raw, i) || !STOP.vi.has(t));
  return { ...intents, canonical, tokens };
}

export type Ranked = { entry: Entry; score: number; matched: number };

const K = 1.2;
const B = 0.5;

/** Candidate spellings for a word: itself if the catalog knows it, else catalog words one typo away. */
function variants(index: RetrievalIndex, token: string): { t: string; w: number }[] {
  if (index.df.has(token) || index.vocab.includes(token)) return [{ t: token, w: 1 }];
  if (token.length < 3 || /^\d+$/.test(token)) return [];
  return index.vocab.filter((v) => v[0] === token[0] && closeEnough(token, v)).map((t) => ({ t, w: 0.7 }));
}

export function rank(index: RetrievalIndex, query: Query, searchHits: string[] = [], limit = 10): Ranked[] {
  const n = index.entries.length;
  const idf = (t: string) => Math.log(1 + (n - (index.df.get(t) ?? 0) + 0.5) / ((index.df.get(t) ?? 0) + 0.5));
  const spelled = query.tokens.map((t) => variants(index, t)).filter((v) => v.length > 0);
  const queryPairs = new Map<string, number>();
  for (let i = 1; i < spelled.length; i++) {
    for (const a of spelled[i - 1]!) for (const b of spelled[i]!) queryPairs.set(`${a.t} ${b.t}`, Math.min(a.w, b.w));
  }
  // A word written once and added again by a synonym ("đăng ký … đăng ký") counts once.
  const slots = spelled.filter((v, i) => spelled.findIndex((o) => o[0]!.t === v[0]!.t) === i);
  const hitBonus = new Map(searchHits.map((code, i) => [code, 1.5 * (1 - i / Math.max(5, searchHits.length))]));
  const ranked: Ranked[] = [];
  for (const e of index.entries) {
    const norm = (K + 1) / (1 + K * (1 - B + (B * e.tokens.length) / index.avgLen));
    let score = 0;
    let matched = 0;
    const covered = new Set<string>();
    for (const slot of slots) {
      let best = 0;
      for (const { t, w } of slot) {
        if (e.nameSet.has(t)) {
          const s = idf(t) * w * norm;
          if (s > best) best = s;
          covered.add(t);
        } else if (e.extra.has(t)) best = Math.max(best, 0.3 * idf(t) * w);
      }
      if (best > 0) matched++;
      score += best;
    }
    for (const [p, w] of queryPairs) if (e.bigrams.has(p)) score += 0.8 * idf(p) * w;
    if (covered.size > 0) {
      const total = [...e.nameSet].reduce((sum, t) => sum + idf(t), 0);
      score += 3 * ([...covered].reduce((sum, t) => sum + idf(t), 0) / total);
    }
    score += hitBonus.get(e.code) ?? 0;
    if (matched > 0) ranked.push({ entry: e, score, matched });
  }
  ranked.sort((a, b) => b.score - a.score || a.entry.tokens.length - b.entry.tokens.length || a.entry.code.localeCompare(b.entry.code));
  return ranked.slice(0, limit);
}
