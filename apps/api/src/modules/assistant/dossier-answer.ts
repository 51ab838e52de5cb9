import type { z } from 'zod';
import type { AssistantIntent, AssistantLanguage, DossierStatus, NextStep, ProcessingStep } from '@motcua/contracts';
import type { Composed } from './answer.ts';
import { citationOf, type Passage } from './passages.ts';
import { amountText } from './templates.ts';

/** The facts of one dossier the assistant may tell its owner (no applicant data beyond the code). */
export type DossierFacts = {
  code: string;
  procedureCode: string;
  procedureName: string;
  status: DossierStatus;
  statusCode: number;
  step: z.infer<typeof ProcessingStep> | null;
  /** Local ISO instant (+07:00) or null. */
  dueAt: string | null;
  paused: boolean;
  feeTotal: number;
  feePaid: boolean;
  nextStep: z.infer<typeof NextStep>;
  supplementItems: string[];
};

/** Keyed by the contracts' enums, so a status or step added there is a compile error until every language words it. */
type Words = {
  status: Record<DossierStatus, string>;
  step: Record<z.infer<typeof ProcessingStep>, string>;
  heading: { status: string; expected: string };
  due: (when: string) => string;
  paused: string;
  summary: (code: string, status: string) => string;
  /** Paying is worded with the amount, by `pay`. */
  next: Record<Exclude<z.infer<typeof NextStep>, 'pay'>, string>;
  pay: (amount: string) => string;
  bring: string;
  auth: string;
};

const vi: Words = {
  status: {
    new: 'mới nộp, chờ tiếp nhận',
    received: 'đã tiếp nhận',
    not_accepted: 'không được tiếp nhận',
    processing: 'đang giải quyết',
    supplement_requested: 'cần bổ sung giấy tờ',
    awaiting_payment: 'chờ nộp phí, lệ phí',
    withdrawn: 'đã rút',
    stopped: 'đã dừng xử lý',
    finished: 'đã có kết quả, chờ trả',
    returned: 'đã trả kết quả',
  },
  step: { assigned: 'đã giao chuyên viên', in_review: 'chuyên viên đang thẩm định', awaiting_approval: 'chờ lãnh đạo ký duyệt', approved: 'lãnh đạo đã duyệt, đang hoàn thiện kết quả' },
  heading: { status: 'Tình trạng hồ sơ', expected: 'Bạn cần làm gì' },
  due: (w) => `Hạn trả kết quả: ${w}`,
  paused: 'Thời hạn đang tạm dừng trong khi chờ bạn bổ sung.',
  summary: (c, s) => `Hồ sơ ${c}: ${s}.`,
  next: {
    wait_precheck: 'Chưa cần làm gì: trung tâm đang kiểm tra hồ sơ.',
    wait_processing: 'Chưa cần làm gì: hồ sơ đang được giải quyết trong thời hạn.',
    supplement: 'Bổ sung các giấy tờ dưới đây (một lần, đủ cả danh sách):',
    collect_result: 'Kết quả đã sẵn sàng: đến trung tâm nhận hoặc tải bản điện tử trên trang tra cứu.',
    done: 'Không cần làm gì thêm: kết quả đã được trả.',
    refused: 'Hồ sơ không được tiếp nhận; lý do ghi trong thông báo của trung tâm.',
    closed: 'Hồ sơ đã kết thúc.',
  },
  pay: (a) => `Nộp phí, lệ phí còn thiếu: ${a}.`,
  bring: 'Giấy tờ cần bổ sung',
  auth: 'Để xem hồ sơ, hãy đăng nhập hoặc nhập mã hồ sơ và 4 số cuối điện thoại của người nộp.',
};

const en: Words = {
  status: {
    new: 'submitted, waiting to be received',
    received: 'received',
    not_accepted: 'not accepted',
    processing: 'being processed',
    supplement_requested: 'waiting for more documents from you',
    awaiting_payment: 'waiting for the fee',
    withdrawn: 'withdrawn',
    stopped: 'stopped',
    finished: 'decided, result waiting to be handed over',
    returned: 'result handed over',
  },
  step: { assigned: 'assigned to a specialist', in_review: 'under review by the specialist', awaiting_approval: 'waiting for the leader to sign', approved: 'approved, the result is being prepared' },
  heading: { status: 'Dossier status', expected: 'What you need to do' },
  due: (w) => `Result due: ${w}`,
  paused: 'The time limit is paused while the center waits for your documents.',
  summary: (c, s) => `Dossier ${c}: ${s}.`,
  next: {
    wait_precheck: 'Nothing for now: the center is checking the dossier.',
    wait_processing: 'Nothing for now: the dossier is being processed within its time limit.',
    supplement: 'Bring or upload these documents (all at once):',
    collect_result: 'Your result is ready: collect it at the center or download it from the tracking page.',
    done: 'Nothing more: the result has been handed over.',
    refused: 'The dossier was not accepted; the reason is in the center’s notice.',
    closed: 'The dossier is closed.',
  },
  pay: (a) => `Pay the outstanding fee: ${a}.`,
  bring: 'Documents to add',
  auth: 'To see a dossier, sign in or give the dossier code and the last 4 digits of the applicant’s phone.',
};

const id: Words = {
  status: {
    new: 'diajukan, menunggu diterima',
    received: 'diterima',
    not_accepted: 'tidak diterima',
    processing: 'sedang diproses',
    supplement_requested: 'menunggu dokumen tambahan dari Anda',
    awaiting_payment: 'menunggu pembayaran biaya',
    withdrawn: 'ditarik',
    stopped: 'dihentikan',
    finished: 'sudah diputuskan, hasil menunggu diserahkan',
    returned: 'hasil sudah diserahkan',
  },
  step: { assigned: 'diserahkan kepada petugas', in_review: 'sedang diperiksa petugas', awaiting_approval: 'menunggu tanda tangan pimpinan', approved: 'disetujui, hasil sedang disiapkan' },
  heading: { status: 'Status berkas', expected: 'Yang perlu Anda lakukan' },
  due: (w) => `Batas waktu hasil: ${w}`,
  paused: 'Batas waktu dihentikan sementara selama menunggu dokumen Anda.',
  summary: (c, s) => `Berkas ${c}: ${s}.`,
  next: {
    wait_precheck: 'Belum ada: pusat layanan sedang memeriksa berkas.',
    wait_processing: 'Belum ada: berkas sedang diproses dalam batas waktunya.',
    supplement: 'Bawa atau unggah dokumen berikut (sekaligus):',
    collect_result: 'Hasil sudah siap: ambil di pusat layanan atau unduh dari halaman pelacakan.',
    done: 'Tidak ada lagi: hasil sudah diserahkan.',
    refused: 'Berkas tidak diterima; alasannya ada di pemberitahuan pusat layanan.',
    closed: 'Berkas sudah ditutup.',
  },
  pay: (a) => `Bayar biaya yang belum dibayar: ${a}.`,
  bring: 'Dokumen yang perlu ditambahkan',
  auth: 'Untuk melihat berkas, masuk atau masukkan kode berkas dan 4 digit terakhir telepon pemohon.',
};

export const dossierWords: Record<AssistantLanguage, Words> = { vi, en, id };

/** "2026-11-23T17:00:00+07:00" → "17:00 23/11/2026" (Vietnam time, as on the receipt). */
const localText = (iso: string) => `${iso.slice(11, 16)} ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Status, step, deadline and what is expected of the citizen; cites the procedure version it was received under. */
export function dossierAnswer(f: DossierFacts, procedure: Passage, intents: AssistantIntent[], lang: AssistantLanguage): Composed {
  const w = dossierWords[lang];
  const statusText = f.status === 'processing' && f.step ? `${w.status.processing} (${w.step[f.step] ?? f.step})` : w.status[f.status];
  const statusLines = [`${f.procedureName} (${f.procedureCode})`, statusText];
  if (f.dueAt && !['returned', 'withdrawn', 'stopped', 'not_accepted'].includes(f.status)) statusLines.push(w.due(localText(f.dueAt)));
  if (f.paused) statusLines.push(w.paused);
  const feeDue = f.feeTotal > 0 && !f.feePaid && f.status === 'awaiting_payment';
  const expected = [f.nextStep === 'pay' || feeDue ? w.pay(amountText(f.feeTotal)) : w.next[f.nextStep]];
  if (f.nextStep === 'supplement') expected.push(...f.supplementItems);
  return {
    kind: 'dossier',
    language: lang,
    intents,
    text: w.summary(f.code, statusText),
    facts: [
      { intent: 'dossier', heading: w.heading.status, lines: statusLines, citations: [procedure.id] },
      { intent: 'dossier', heading: w.heading.expected, lines: expected, citations: [procedure.id] },
    ],
    citations: [citationOf(procedure)],
    passages: [procedure],
    candidates: [],
    dossier: { code: f.code, procedureName: f.procedureName, procedureCode: f.procedureCode, status: f.status, statusCode: f.statusCode, step: f.step, dueAt: f.dueAt, paused: f.paused, expected },
  };
}

/** Asked about a dossier without proof of owning it: nothing about any dossier, only how to prove it. */
export function dossierAuthAnswer(intents: AssistantIntent[], lang: AssistantLanguage): Composed {
  return { kind: 'dossier_auth', language: lang, intents, text: dossierWords[lang].auth, facts: [], citations: [], passages: [], candidates: [], dossier: null };
}
