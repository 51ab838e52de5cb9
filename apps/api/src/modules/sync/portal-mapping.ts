import type { DossierChange, DossierStatus } from '../dossier/index.ts';
import { statusCodes } from '../dossier/index.ts';

/**
 * Our model → the National Public Service Portal's dossier record (field names as in the portal's
 * sync API). Pure: no database, no clock. Documented field by field in docs/portal-mapping.md.
 */

/** What the portal sync reads about a dossier when it delivers a change (portal.repo.ts). */
export type DossierSnapshot = {
  id: string;
  code: string;
  provinceCode: string;
  centerId: string;
  agencyCode: string;
  procedureCode: string;
  procedureName: string;
  sector: string | null;
  onlineLevel: string | null;
  channel: number;
  status: DossierStatus;
  applicantName: string;
  applicantIdNumber: string | null;
  receivedAt: Date;
  dueAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
  feeTotal: number;
  feePaid: boolean;
  /** Method of the last recorded payment, from the payment events. */
  paymentMethod: string | null;
  supplementCount: number;
  latestSeq: number;
  results: { code: string; url: string }[];
  /** Citizen's overall rating (very_satisfied, satisfied, dissatisfied), when the feedback module has recorded one. */
  rating: string | null;
};

export type PortalRecord = {
  MaHoSo: string;
  MaTTHC: string;
  TenTTHC: string;
  MaLinhVuc: string | null;
  MaDonVi: string;
  /** 1 counter, 2 online, 3 public post. */
  KenhThucHien: 1 | 2 | 3;
  /** 2 full online (toàn trình), 1 partial (một phần), 0 not online. */
  MucDoDVC: 0 | 1 | 2;
  ChuHoSo: string;
  SoGiayToChuHoSo: string | null;
  /** 1 new … 10 returned. */
  TrangThaiHoSo: number;
  NgayTiepNhan: string;
  NgayHenTra: string | null;
  NgayKetThucXuLy: string | null;
  NgayTra: string | null;
  LePhi: number;
  /** 0 not paid online, 1 paid on the national payment platform, 2 paid through the local gateway. */
  DuocThanhToanTrucTuyen: 0 | 1 | 2;
  SoLanBoSung: number;
  DanhSachGiayToKetQua: { MaKetQua: string; DuongDanTepTin: string }[];
  /** The citizen's overall rating in the words of Decision 766's satisfaction survey. */
  DanhGia: string | null;
  /** Our change sequence number: the portal keeps the record with the highest. */
  PhienBan: number;
};

/** One change as pushed: the current record plus what changed, keyed for idempotency. */
export type PortalChange = { key: string; kind: string; at: string; record: PortalRecord };

/**
 * Kind of change per dossier action, as the portal's history shows it. Payments and ratings are
 * one entry each here: a module that records a new action only adds its line.
 */
export const changeKinds: Record<string, string> = {
  receive: 'TiepNhan',
  accept: 'TiepNhan',
  refuse: 'TuChoi',
  request_supplement: 'YeuCauBoSung',
  receive_supplement: 'NhanBoSung',
  assign: 'XuLy',
  reassign: 'XuLy',
  start_review: 'XuLy',
  submit_for_approval: 'XuLy',
  send_back: 'XuLy',
  approve: 'PheDuyet',
  request_payment: 'YeuCauThanhToan',
  record_payment: 'ThanhToan',
  fee_paid: 'ThanhToan',
  finish: 'HoanThanh',
  return_result: 'TraKetQua',
  withdraw: 'RutHoSo',
  stop: 'DungXuLy',
  apologize: 'GiaHan',
  external_result: 'HoanThanh',
  external_refusal: 'DungXuLy',
  bundle_settled: 'HoanThanh',
  attach_file: 'SoHoa',
  rating: 'DanhGia',
  /** Sent again by "resync period": the portal overwrites its record even at the same version. */
  resync: 'DongBoLai',
};

const channelCode = (c: number): 1 | 2 | 3 => (c === 2 ? 2 : c === 3 ? 3 : 1);
const onlineLevelCode = (l: string | null): 0 | 1 | 2 => (l === 'full' ? 2 : l === 'partial' ? 1 : 0);

/** Online payment flag: our gateway is the province's own (2); 'national' is the portal's platform (1). */
export function paymentFlag(s: Pick<DossierSnapshot, 'feePaid' | 'paymentMethod'>): 0 | 1 | 2 {
  if (!s.feePaid) return 0;
  if (s.paymentMethod === 'national') return 1;
  return s.paymentMethod === 'online' ? 2 : 0;
}

const ratingWords: Record<string, string> = { very_satisfied: 'Rất hài lòng', satisfied: 'Hài lòng', dissatisfied: 'Không hài lòng' };
/** The citizen's overall rating as the portal shows it; an unknown level is sent as given. */
export const ratingText = (r: string | null): string | null => (r === null ? null : (ratingWords[r] ?? r));

/** The portal's date format: yyyyMMddHHmmss in Vietnam's time (UTC+7, no daylight saving). */
export function portalDate(d: Date): string;
export function portalDate(d: Date | null): string | null;
export function portalDate(d: Date | null): string | null {
  if (!d) return null;
  return new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 19).replace(/[-T:]/g, '');
}

export function toPortalRecord(s: DossierSnapshot, version: number): PortalRecord {
  return {
    MaHoSo: s.code,
    MaTTHC: s.procedureCode,
    TenTTHC: s.procedureName,
    MaLinhVuc: s.sector,
    MaDonVi: s.agencyCode,
    KenhThucHien: channelCode(s.channel),
    MucDoDVC: onlineLevelCode(s.onlineLevel),
    ChuHoSo: s.applicantName,
    SoGiayToChuHoSo: s.applicantIdNumber,
    TrangThaiHoSo: statusCodes[s.status],
    NgayTiepNhan: portalDate(s.receivedAt),
    NgayHenTra: portalDate(s.dueAt),
    NgayKetThucXuLy: portalDate(s.finishedAt),
    NgayTra: portalDate(s.returnedAt),
    LePhi: s.feeTotal,
    DuocThanhToanTrucTuyen: paymentFlag(s),
    SoLanBoSung: s.supplementCount,
    DanhSachGiayToKetQua: s.results.map((r) => ({ MaKetQua: r.code, DuongDanTepTin: r.url })),
    DanhGia: ratingText(s.rating),
    PhienBan: version,
  };
}

/**
 * The push for one change. The record is the dossier as it is now (so a projection updated without
 * an event of its own still reaches the portal) and carries the change's sequence number.
 */
export function toPortalChange(s: DossierSnapshot, c: DossierChange, key = `${c.dossierId}:${c.seq}`): PortalChange {
  return { key, kind: changeKinds[c.action] ?? 'CapNhat', at: portalDate(new Date(c.at)), record: toPortalRecord(s, c.seq) };
}

/** Fields compared by reconciliation: everything but the version, which is checked on its own. */
export function recordDifferences(ours: PortalRecord, theirs: PortalRecord): string[] {
  return (Object.keys(ours) as (keyof PortalRecord)[]).filter((k) => k !== 'PhienBan' && JSON.stringify(ours[k]) !== JSON.stringify(theirs[k]));
}
