import type { AssistantLanguage, Channel, OnlineLevel, TimeLimit } from '@motcua/contracts';

/**
 * The words around the catalog's facts, in the three languages of the screens. The facts themselves
 * (document names, fee labels, steps) stay in the catalog's Vietnamese: a translation of a legal
 * text is not the text, and the counter officer reads the same words.
 */
type Strings = {
  headings: Record<'procedure' | 'documents' | 'fees' | 'time' | 'where' | 'online' | 'conditions' | 'legal' | 'steps' | 'results', string>;
  channel: Record<Channel, string>;
  procedureLine: (name: string, code: string, version: number, sector: string) => string;
  free: string;
  feeUnknown: string;
  timeUnknown: string;
  workingDays: (n: number) => string;
  workingHours: (n: number) => string;
  sameDay: (cutoff: string) => string;
  originals: (n: number) => string;
  copies: (n: number) => string;
  present: string;
  conditional: string;
  mandatoryNone: string;
  noConditions: string;
  online: Record<OnlineLevel, string>;
  whereCommune: string;
  whereProvince: string;
  whereOther: string;
  boundaryFree: string;
  agency: (a: string) => string;
  thisCenter: (group: string, name: string) => string;
  notOfferedHere: string;
  summary: (name: string, code: string) => string;
  clarify: string;
  notFound: string;
  moreSteps: (n: number) => string;
};

const vi: Strings = {
  headings: {
    procedure: 'Thủ tục',
    documents: 'Giấy tờ cần chuẩn bị',
    fees: 'Phí, lệ phí',
    time: 'Thời hạn giải quyết',
    where: 'Nộp hồ sơ ở đâu',
    online: 'Nộp trực tuyến',
    conditions: 'Điều kiện',
    legal: 'Căn cứ pháp lý',
    steps: 'Trình tự thực hiện',
    results: 'Kết quả nhận được',
  },
  channel: { counter: 'Nộp trực tiếp', online: 'Nộp trực tuyến', postal: 'Qua bưu chính' },
  procedureLine: (name, code, version, sector) => `${name} — mã ${code}, phiên bản ${version} (lĩnh vực ${sector})`,
  free: 'Miễn phí',
  feeUnknown: 'Danh mục chưa ghi mức phí',
  timeUnknown: 'Danh mục chưa ghi thời hạn',
  workingDays: (n) => `${n} ngày làm việc`,
  workingHours: (n) => `${n} giờ làm việc`,
  sameDay: (c) => `Trong ngày (nộp trước ${c})`,
  originals: (n) => `${n} bản chính`,
  copies: (n) => `${n} bản sao`,
  present: 'xuất trình',
  conditional: 'nếu thuộc trường hợp',
  mandatoryNone: 'Danh mục không ghi giấy tờ bắt buộc.',
  noConditions: 'Danh mục không ghi điều kiện riêng cho thủ tục này.',
  online: {
    full: 'Có dịch vụ công trực tuyến toàn trình: nộp và nhận kết quả trên Cổng Dịch vụ công.',
    partial: 'Có dịch vụ công trực tuyến một phần: nộp hồ sơ trực tuyến, một số bước vẫn đến trung tâm.',
    none: 'Chưa có dịch vụ trực tuyến: nộp trực tiếp tại trung tâm hoặc qua bưu chính (nếu có).',
  },
  whereCommune: 'Trung tâm Phục vụ hành chính công cấp xã (bộ phận một cửa).',
  whereProvince: 'Trung tâm Phục vụ hành chính công cấp tỉnh.',
  whereOther: 'Cơ quan có thẩm quyền ghi trong danh mục.',
  boundaryFree: 'Không phụ thuộc địa giới hành chính: nộp được tại bất kỳ trung tâm nào trong tỉnh.',
  agency: (a) => `Cơ quan giải quyết: ${a}`,
  thisCenter: (g, n) => `Tại trung tâm này: lấy số nhóm ${g} — ${n}.`,
  notOfferedHere: 'Trung tâm này chưa nhận thủ tục này; hỏi cán bộ tại quầy hướng dẫn.',
  summary: (name, code) => `Theo danh mục thủ tục hành chính: ${name} (mã ${code}).`,
  clarify: 'Tôi tìm thấy vài thủ tục gần giống. Bạn muốn hỏi thủ tục nào?',
  notFound: 'Tôi không tìm thấy thủ tục nào trong danh mục khớp với câu hỏi này, nên không trả lời để tránh sai. Bạn vui lòng hỏi cán bộ tại quầy một cửa hoặc tìm trong danh mục thủ tục.',
  moreSteps: (n) => `… và ${n} bước nữa trên trang thủ tục.`,
};

const en: Strings = {
  headings: {
    procedure: 'Procedure',
    documents: 'Documents to bring',
    fees: 'Fees',
    time: 'Time limit',
    where: 'Where to apply',
    online: 'Applying online',
    conditions: 'Conditions',
    legal: 'Legal basis',
    steps: 'Steps',
    results: 'What you receive',
  },
  channel: { counter: 'At the counter', online: 'Online', postal: 'By post' },
  procedureLine: (name, code, version, sector) => `${name} — code ${code}, version ${version} (sector: ${sector})`,
  free: 'Free of charge',
  feeUnknown: 'The catalog states no fee',
  timeUnknown: 'The catalog states no time limit',
  workingDays: (n) => `${n} working day${n === 1 ? '' : 's'}`,
  workingHours: (n) => `${n} working hour${n === 1 ? '' : 's'}`,
  sameDay: (c) => `The same day (if submitted before ${c})`,
  originals: (n) => `${n} original${n === 1 ? '' : 's'}`,
  copies: (n) => `${n} cop${n === 1 ? 'y' : 'ies'}`,
  present: 'show it',
  conditional: 'only in the case it names',
  mandatoryNone: 'The catalog lists no mandatory document.',
  noConditions: 'The catalog states no special conditions for this procedure.',
  online: {
    full: 'Fully online: apply and receive the result on the National Public Service Portal.',
    partial: 'Partly online: apply online; some steps still need a visit to the center.',
    none: 'Not available online: apply at the center (or by post where offered).',
  },
  whereCommune: 'The commune Public Administrative Service Center (one-stop desk).',
  whereProvince: 'The provincial Public Administrative Service Center.',
  whereOther: 'The competent agency named in the catalog.',
  boundaryFree: 'Not tied to your address: any center in the province accepts it.',
  agency: (a) => `Decided by: ${a}`,
  thisCenter: (g, n) => `At this center: take a number for group ${g} — ${n}.`,
  notOfferedHere: 'This center does not take this procedure yet; ask at the information desk.',
  summary: (name, code) => `From the procedure catalog: ${name} (code ${code}).`,
  clarify: 'I found several similar procedures. Which one do you mean?',
  notFound: 'I found no procedure in the catalog that matches this question, so I will not guess. Please ask an officer at the one-stop counter or search the procedure catalog.',
  moreSteps: (n) => `… and ${n} more steps on the procedure page.`,
};

const id: Strings = {
  headings: {
    procedure: 'Prosedur',
    documents: 'Dokumen yang perlu dibawa',
    fees: 'Biaya',
    time: 'Batas waktu',
    where: 'Tempat pengajuan',
    online: 'Pengajuan daring',
    conditions: 'Persyaratan',
    legal: 'Dasar hukum',
    steps: 'Langkah-langkah',
    results: 'Hasil yang diterima',
  },
  channel: { counter: 'Di loket', online: 'Daring', postal: 'Melalui pos' },
  procedureLine: (name, code, version, sector) => `${name} — kode ${code}, versi ${version} (bidang: ${sector})`,
  free: 'Gratis',
  feeUnknown: 'Katalog tidak mencantumkan biaya',
  timeUnknown: 'Katalog tidak mencantumkan batas waktu',
  workingDays: (n) => `${n} hari kerja`,
  workingHours: (n) => `${n} jam kerja`,
  sameDay: (c) => `Hari yang sama (jika diajukan sebelum ${c})`,
  originals: (n) => `${n} asli`,
  copies: (n) => `${n} salinan`,
  present: 'diperlihatkan',
  conditional: 'hanya untuk kasus yang disebutkan',
  mandatoryNone: 'Katalog tidak mencantumkan dokumen wajib.',
  noConditions: 'Katalog tidak mencantumkan persyaratan khusus untuk prosedur ini.',
  online: {
    full: 'Sepenuhnya daring: ajukan dan terima hasil di Portal Layanan Publik Nasional.',
    partial: 'Sebagian daring: ajukan secara daring; beberapa langkah tetap di pusat layanan.',
    none: 'Tidak tersedia daring: ajukan di pusat layanan (atau melalui pos bila tersedia).',
  },
  whereCommune: 'Pusat Layanan Administrasi Publik tingkat kecamatan/desa (loket satu pintu).',
  whereProvince: 'Pusat Layanan Administrasi Publik tingkat provinsi.',
  whereOther: 'Instansi berwenang yang disebut dalam katalog.',
  boundaryFree: 'Tidak terikat alamat: pusat layanan mana pun di provinsi ini menerimanya.',
  agency: (a) => `Diputuskan oleh: ${a}`,
  thisCenter: (g, n) => `Di pusat ini: ambil nomor untuk kelompok ${g} — ${n}.`,
  notOfferedHere: 'Pusat ini belum menerima prosedur ini; tanyakan di meja informasi.',
  summary: (name, code) => `Dari katalog prosedur: ${name} (kode ${code}).`,
  clarify: 'Saya menemukan beberapa prosedur yang mirip. Yang mana yang Anda maksud?',
  notFound: 'Saya tidak menemukan prosedur di katalog yang cocok dengan pertanyaan ini, jadi saya tidak menebak. Silakan bertanya kepada petugas di loket satu pintu atau cari di katalog prosedur.',
  moreSteps: (n) => `… dan ${n} langkah lagi di halaman prosedur.`,
};

export const strings: Record<AssistantLanguage, Strings> = { vi, en, id };

export function timeText(s: Strings, limit: TimeLimit | null): string {
  if (!limit) return s.timeUnknown;
  if ('workingDays' in limit) return s.workingDays(limit.workingDays);
  if ('workingHours' in limit) return s.workingHours(limit.workingHours);
  return s.sameDay(limit.cutoff);
}

const money = new Intl.NumberFormat('vi-VN');
export const amountText = (n: number) => `${money.format(n)} đ`;
