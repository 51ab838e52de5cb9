// One procedure record as crawled from the National Public Service Portal (the research file
// tthc-cap-xa-2026-07.json), turned into a code, structured content and review flags.
import type { ProcedureContent } from '@motcua/contracts';
import { readDocuments } from './documents-parse.ts';
import {
  agencyTypeOf,
  boundaryFreeOf,
  mentionsCutoff,
  onlineLevelOf,
  readChannels,
  readLegalBasis,
  readLevels,
  readSteps,
  splitList,
  type Flag,
} from './source-parse.ts';

export type PortalRecord = {
  ma_thu_tuc: string;
  ten_thu_tuc: string;
  cap_thuc_hien: string[];
  linh_vuc: string;
  bo_nganh: string;
  loai_thu_tuc: string;
  so_quyet_dinh: string;
  doi_tuong_thuc_hien: string;
  co_quan_thuc_hien: string;
  kenh_nop: { kenh: string; thoi_han: string; don_vi: string; phi_le_phi: string; ghi_chu: string }[];
  trinh_tu_thuc_hien: string;
  thanh_phan_ho_so: string;
  ket_qua: { ten: string; ma: string }[];
  can_cu_phap_ly: string;
  yeu_cau_dieu_kien: string;
  detail_url: string;
};

export type SeedProcedure = { code: string; content: ProcedureContent; flags: Flag[] };

export function fromPortalRecord(r: PortalRecord): SeedProcedure {
  const flags: Flag[] = [];
  const { levels, unknown } = readLevels(r.cap_thuc_hien);
  if (unknown.length > 0) flags.push({ field: 'levels', message: `unknown level ${unknown.join(', ')}` });
  const hints = { mentionsCutoff: mentionsCutoff(r.trinh_tu_thuc_hien) };
  const channels = readChannels(
    r.kenh_nop.map((k) => ({ channel: k.kenh, time: k.thoi_han, unit: k.don_vi, fee: k.phi_le_phi, note: k.ghi_chu })),
    hints,
  );
  flags.push(...channels.flags);
  if (channels.channels.length === 0) flags.push({ field: 'channels', message: 'no channel, time limit or fee is published' });
  const docs = readDocuments(r.thanh_phan_ho_so);
  flags.push(...docs.flags);
  const agency = r.co_quan_thuc_hien.trim();
  if (!agency) flags.push({ field: 'competentAgency', message: 'competent agency not stated; the level is assumed from the implementing levels' });
  const content: ProcedureContent = {
    name: r.ten_thu_tuc.replace(/\s+/g, ' ').trim(),
    sector: r.linh_vuc.trim(),
    ministry: r.bo_nganh.trim(),
    levels,
    procedureType: r.loai_thu_tuc.trim(),
    decisionNumber: r.so_quyet_dinh.trim(),
    applicantTypes: splitList(r.doi_tuong_thuc_hien),
    competentAgency: agency,
    agencyType: agencyTypeOf(agency, levels),
    channels: channels.channels,
    onlineLevel: onlineLevelOf(channels.channels),
    boundaryFree: boundaryFreeOf(levels),
    documents: docs.documents,
    documentNotes: docs.notes,
    results: r.ket_qua.map((k) => ({ name: k.ten.replace(/\s+/g, ' ').trim(), code: k.ma.trim() || null })).filter((k) => k.name),
    steps: readSteps(r.trinh_tu_thuc_hien),
    legalBasis: readLegalBasis(r.can_cu_phap_ly),
    conditions: r.yeu_cau_dieu_kien.trim(),
    sourceUrl: r.detail_url.trim(),
  };
  return { code: r.ma_thu_tuc.trim(), content, flags };
}
