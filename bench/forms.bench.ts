// Documents: time to draw each printable form and to draw + sign an e-result, in process, without a
// database (the data a form is drawn from is built here; reading it is a few indexed queries).
import type { Center } from '@motcua/contracts';
import { buildCalendar } from '../apps/api/src/modules/calendar/index.ts';
import { renderControlSheet, renderNotice, renderReceipt, type FormEvent, type FormSource } from '../apps/api/src/modules/forms/index.ts';
import { createAuthority, drawResult, inspectSignature, issueSigner, signPdf } from '../apps/api/src/modules/results/index.ts';
import type { DossierRow } from '../apps/api/src/modules/dossier/index.ts';
import { readCalendarData } from '../apps/api/seed/calendar.ts';
import { percentile, round, timeCalls, type BenchResult } from './lib.ts';

const at = (local: string) => new Date(`${local}+07:00`);

const center: Center = {
  id: '0196d2f4-3c1e-7a10-8000-0000000000c1',
  agencyCode: 'H46.01',
  name: 'Trung tâm Phục vụ hành chính công phường Phú Xuân',
  level: 'commune',
  provinceCode: '46',
  provinceName: 'Thành phố Huế',
  communeCode: '19753',
  communeName: 'Phường Phú Xuân',
  address: 'Phường Phú Xuân, Thành phố Huế',
  workingHours: { weekdays: [1, 2, 3, 4, 5], periods: [] } as unknown as Center['workingHours'],
  counters: [],
};

const dossier = {
  id: '0196d2f4-3c1e-7a10-8000-0000000000d1',
  code: 'H46.01-261123-0001',
  provinceCode: '46',
  centerId: center.id,
  competentCenterId: center.id,
  procedureCode: '1.000689',
  procedureVersionId: '0196d2f4-3c1e-7a10-8000-0000000000e1',
  procedureName: 'Thủ tục đăng ký kết hôn',
  applicant: { idNumber: '046090123456', fullName: 'Trần Văn Bình', dateOfBirth: '1990-05-12', sex: 'male', address: { line: '12 Lê Lợi', communeCode: '19753' }, phone: '0905123456' },
  timeLimit: { workingDays: 3 },
  receivedAt: at('2026-11-23T09:00:00'),
  clockStartsAt: at('2026-11-23T09:00:00'),
  dueAt: at('2026-11-26T09:00:00'),
  originalDueAt: at('2026-11-26T09:00:00'),
  feeTotal: 0,
  outcome: 'on_time',
} as unknown as DossierRow;

const documents = Array.from({ length: 6 }, (_, i) => ({ id: `d0${i + 1}`, name: `Giấy tờ số ${i + 1}: bản sao có chứng thực giấy tờ tùy thân của người yêu cầu đăng ký`, originals: 1, copies: i % 2 }));
const actions: [string, string, string][] = [
  ['2026-11-23T09:00:00', 'receive', 'counter_officer'],
  ['2026-11-23T09:00:00', 'assign', 'system'],
  ['2026-11-23T10:00:00', 'start_review', 'specialist'],
  ['2026-11-24T15:00:00', 'submit_for_approval', 'specialist'],
  ['2026-11-25T09:30:00', 'approve', 'leader'],
  ['2026-11-25T10:00:00', 'finish', 'specialist'],
  ['2026-11-25T14:00:00', 'return_result', 'counter_officer'],
];
const events: FormEvent[] = actions.map(([when, action, role], i) => ({
  seq: i + 1,
  at: at(when),
  actorId: null,
  actorName: role === 'system' ? null : 'Nguyễn Thị Mai',
  actorRole: role,
  action,
  fromState: null,
  toState: 'x',
  reason: action === 'receive' ? null : 'Ghi chú',
  data: action === 'receive' ? { form: '01', checklist: documents.map((d) => ({ itemId: d.id, provided: true })) } : {},
  hash: '0'.repeat(64),
}));
const apology: FormEvent = { ...events[3]!, action: 'apologize', reason: 'Chờ xác minh từ UBND xã khác', data: { form: '04', previousDueAt: '2026-11-26T02:00:00Z', newDueAt: '2026-12-01T03:00:00Z' } };

const data = readCalendarData();
const source: FormSource = {
  dossier,
  events,
  chainIntact: true,
  version: { documents, channels: [{ channel: 'counter', fees: [{ label: 'Lệ phí', amount: 0 }] }], results: [{ code: null, name: 'Giấy chứng nhận kết hôn' }] } as unknown as FormSource['version'],
  receiving: center,
  competent: center,
  calendar: buildCalendar({ entries: data.days.map((d) => ({ ...d, status: 'confirmed' as const })), years: { 2025: 'confirmed', 2026: 'confirmed' } }),
  names: new Map(),
  origin: 'https://motcua.hue.example',
  printedAt: at('2026-11-25T15:00:00'),
};

function stats(name: string, samples: number[], note: string): BenchResult[] {
  return [
    { name: `${name} p50`, value: round(percentile(samples, 50), 1), unit: 'ms', note },
    { name: `${name} p95`, value: round(percentile(samples, 95), 1), unit: 'ms', note },
  ];
}

export default async function run(): Promise<BenchResult[]> {
  const n = 40;
  const out: BenchResult[] = [];
  out.push(...stats('Form 01 A4', await timeCalls(n, () => renderReceipt(source, events[0]!, 'a4'), 5), '6 documents, QR code, subset DejaVu Serif ×3'));
  out.push(...stats('Form 01 thermal 80 mm', await timeCalls(n, () => renderReceipt(source, events[0]!, 'thermal'), 5), 'same data, DejaVu Sans Condensed'));
  out.push(...stats('Form 04 apology', await timeCalls(n, () => renderNotice(source, apology, '04'), 5), 'letter'));
  out.push(...stats('Form 06 control sheet', await timeCalls(n, () => renderControlSheet(source), 5), '7 handovers with per-step verdicts'));

  const now = at('2026-11-23T09:00:00');
  const ca = await createAuthority({ commonName: 'Motcua Demo CA — Thành phố Huế', organization: 'Motcua demo PKI' }, now, 'ca-pass');
  const leader = await issueSigner({ p12: ca.p12, passphrase: 'ca-pass' }, { commonName: 'CA', organization: 'x' }, { commonName: 'Tôn Nữ Thanh Hương', organization: 'Motcua demo PKI' }, now, 'leader-pass');
  let signed: Uint8Array = new Uint8Array();
  const sign = await timeCalls(
    20,
    async () => {
      const sheet = await drawResult({ code: `${dossier.code}-KQ1`, dossier, version: source.version, center, signerName: 'Tôn Nữ Thanh Hương', signerTitle: 'Lãnh đạo', certificateFingerprint: leader.fingerprintSha256, signedAt: now, note: null, verifyUrl: 'https://motcua.hue.example/xac-thuc/x' });
      signed = await signPdf(sheet.doc, { p12: leader.p12, passphrase: 'leader-pass' }, { code: `${dossier.code}-KQ1`, signerName: 'Tôn Nữ Thanh Hương', location: center.name, contact: center.agencyCode, signedAt: now });
    },
    3,
  );
  out.push(...stats('e-result draw + sign', sign, 'PKCS#12 open (AES-256, PBKDF2) + CMS SHA-256/RSA-2048 over the PDF'));
  out.push(...stats('e-result signature check', await timeCalls(n, () => inspectSignature(signed), 5), `CMS digest + RSA verify of a ${Math.round(signed.length / 1024)} KB PDF`));
  return out;
}
