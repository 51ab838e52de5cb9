import type { Commune, DossierView, ProcedureDetail, Timeline } from '@motcua/contracts';
import { demoMe } from './helpers.tsx';

/** Test data shaped like the real API's answers for the birth registration at Phú Xuân. */
export const ids = {
  dossier: '0196d2f4-3c1e-7a10-8000-0000000000d1',
  version: '0196d2f4-3c1e-7a10-8000-0000000000a1',
  specialist: '0196d2f4-3c1e-7a10-8000-0000000000b2',
  leader: '0196d2f4-3c1e-7a10-8000-0000000000b3',
  ticket: '0196d2f4-3c1e-7a10-8000-0000000000c1',
};

export const birthRegistration: ProcedureDetail = {
  id: ids.version,
  code: '1.001193',
  version: 1,
  effectiveFrom: '2025-07-01T00:00:00.000Z',
  publishedAt: '2025-07-01T00:00:00.000Z',
  source: 'seed',
  changeNote: '',
  retiredAt: null,
  openFlags: [],
  name: 'Thủ tục đăng ký khai sinh',
  sector: 'Hộ tịch',
  ministry: 'Bộ Tư pháp',
  levels: ['commune'],
  procedureType: '',
  decisionNumber: '',
  applicantTypes: [],
  competentAgency: '',
  agencyType: 'commune',
  channels: [{ channel: 'counter', timeLimit: { sameDay: true, cutoff: '15:00' }, timeLimitText: '1', fees: [], feeText: 'Miễn phí', note: '', cases: [] }],
  onlineLevel: 'partial',
  boundaryFree: true,
  documents: [
    { id: 'd02', name: 'Văn bản ủy quyền', group: null, kind: 'submit', originals: 1, copies: 0, requirement: 'conditional', digitise: true, reuse: 'none', form: null },
    { id: 'd04', name: 'Giấy chứng sinh', group: null, kind: 'submit', originals: 1, copies: 0, requirement: 'mandatory', digitise: true, reuse: 'none', form: null },
    { id: 'd06', name: 'Giấy tờ tùy thân', group: null, kind: 'present', originals: 1, copies: 0, requirement: 'mandatory', digitise: false, reuse: 'population_db', form: null },
    { id: 'd07', name: 'Tờ khai đăng ký khai sinh', group: null, kind: 'submit', originals: 1, copies: 0, requirement: 'mandatory', digitise: true, reuse: 'none', form: null },
  ],
  documentNotes: [],
  results: [],
  steps: [],
  legalBasis: [],
  conditions: '',
  sourceUrl: '',
};

export const huế = { code: '46', name: 'Huế', fullName: 'Thành phố Huế', nameEn: 'Hue', unitType: 'city' };

export const communes46: Commune[] = [
  { code: '19753', provinceCode: '46', name: 'Phú Xuân', fullName: 'Phường Phú Xuân', nameEn: 'Phu Xuan', unitType: 'Phường' },
  { code: '19774', provinceCode: '46', name: 'Thuận Hóa', fullName: 'Phường Thuận Hóa', nameEn: 'Thuan Hoa', unitType: 'Phường' },
];

/** Catalog and unit lists every intake screen reads. */
export const intakeRoutes = {
  'GET /api/v1/me': { status: 200, body: demoMe },
  [`GET /api/v1/procedures?q=khai+sinh&limit=8&centerId=${demoMe.center!.id}`]: {
    status: 200,
    body: { items: [{ code: '1.001193', name: 'Thủ tục đăng ký khai sinh', sector: 'Hộ tịch', level: 'commune', levels: ['commune'], onlineLevel: 'partial', boundaryFree: true, versionId: ids.version, version: 1 }], total: 1 },
  },
  'GET /api/v1/procedures/1.001193': { status: 200, body: birthRegistration },
  'GET /api/v1/provinces': { status: 200, body: [huế] },
  'GET /api/v1/provinces/46/communes': { status: 200, body: communes46 },
};

export function dossier(overrides: Partial<DossierView> = {}): DossierView {
  return {
    id: ids.dossier,
    code: 'H46.01-261123-0001',
    centerId: demoMe.center!.id,
    competentCenterId: demoMe.center!.id,
    procedureCode: '1.001193',
    procedureVersionId: ids.version,
    procedureName: 'Thủ tục đăng ký khai sinh',
    channel: 'counter',
    status: 'processing',
    statusCode: 4,
    step: 'assigned',
    applicant: { idNumber: '046190000123', fullName: 'Nguyễn Thị Hoa', dateOfBirth: '1990-05-01', sex: 'female', address: { line: 'Tổ 3', communeCode: '19753' } },
    receivedAt: '2026-11-23T09:12:00.000+07:00',
    clockStartsAt: '2026-11-23T09:12:00+07:00',
    dueAt: '2026-11-24T17:00:00+07:00',
    originalDueAt: '2026-11-24T17:00:00+07:00',
    paused: false,
    supplementCount: 0,
    apologyCount: 0,
    assigneeId: ids.specialist,
    finishedAt: null,
    returnedAt: null,
    outcome: null,
    feeTotal: 0,
    feePaid: false,
    ticketId: null,
    bundleRole: null,
    parentId: null,
    externalAgency: null,
    noAppointment: false,
    version: 2,
    allowedActions: [],
    ...overrides,
  };
}

export function timeline(events: Partial<Timeline['events'][number]>[] = [], chain: Pick<Timeline, 'chainIntact' | 'brokenAtSeq'> = { chainIntact: true, brokenAtSeq: null }): Timeline {
  const base: Timeline['events'] = [
    {
      seq: 1,
      at: '2026-11-23T09:12:00.000+07:00',
      actorId: demoMe.user.id,
      actorName: 'Nguyễn Thị Lan',
      actorRole: 'counter_officer',
      action: 'receive',
      fromState: null,
      toState: 'received',
      reason: null,
      data: { form: '01', dueAt: '2026-11-24T10:00:00.000Z' },
      hash: 'a',
    },
    {
      seq: 2,
      at: '2026-11-23T09:12:00.000+07:00',
      actorId: null,
      actorName: null,
      actorRole: 'system',
      action: 'assign',
      fromState: 'received',
      toState: 'processing:assigned',
      reason: null,
      data: { automatic: true, assigneeId: ids.specialist },
      hash: 'b',
    },
  ];
  const extra = events.map((e, i) => ({ ...base[0]!, seq: 3 + i, data: {}, hash: `x${i}`, ...e }));
  return { events: [...base, ...extra], ...chain };
}
