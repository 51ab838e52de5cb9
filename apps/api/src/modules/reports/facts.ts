import { outcome as legalOutcome } from '../calendar/index.ts';
import type { reportDossierFacts } from './reports.tables.ts';

/**
 * A dossier as the formulas see it, from the live tables or from an imported file. Pure: turning
 * it into a fact row needs no database and no clock.
 */
export type DossierSnapshot = {
  code: string;
  dossierId: string | null;
  source: 'live' | 'import';
  provinceCode: string;
  unitCode: string;
  centerId: string | null;
  officerId: string | null;
  procedureCode: string;
  procedureName: string;
  sector: string;
  /** 1 counter, 2 online, 3 post, 4 outreach (mobile session; counted as counter by the portal). */
  channel: 1 | 2 | 3 | 4;
  status: string;
  receivedAt: Date;
  dueAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
  /** When a withdrawn, stopped or refused dossier left processing. */
  closedAt: Date | null;
  /** Set while the dossier waits for a supplement (its clock is paused). */
  pausedAt: Date | null;
  supplementCount: number;
  /** The legal clock's verdict if the source already judged it (live dossiers). */
  outcome: 'early' | 'on_time' | 'late' | null;
  processingDays: number | null;
  feeTotal: number;
  paidOnline: boolean;
  returnsDocument: boolean;
  hasEResult: boolean;
  digitized: boolean;
  reusedComponent: boolean;
  citizenStore: boolean;
  populationData: boolean;
  certification: boolean;
  eCertifiedCopy: boolean;
  syncedToPortal: boolean;
  rating: 1 | 2 | 3 | null;
  hasPetition: boolean;
  noAppointment: boolean;
};

export type FactRow = typeof reportDossierFacts.$inferInsert;

const OFFSET_MS = 7 * 3_600_000;
/** The local (Asia/Ho_Chi_Minh, UTC+7 all year) date of an instant. */
export const localDay = (d: Date): string => new Date(d.getTime() + OFFSET_MS).toISOString().slice(0, 10);
const dayOrNull = (d: Date | null) => (d ? localDay(d) : null);

/** States in which a dossier never entered processing, so it has no legal clock. */
const neverStarted = new Set(['new', 'not_accepted']);
const closedStates = new Set(['withdrawn', 'stopped']);

/**
 * The 766 rules for one dossier: handled on time = early or on time by the legal clock and at most
 * one supplement request; an open dossier is late from its due date (a dossier waiting for a
 * supplement is judged at the request, one with two requests or more is late throughout).
 */
export function toFact(s: DossierSnapshot, now: Date): FactRow {
  const inStock = !neverStarted.has(s.status);
  const handledAt = s.finishedAt ?? (s.status === 'returned' ? s.returnedAt : null);
  const endedAt = inStock ? (handledAt ?? (closedStates.has(s.status) ? (s.closedAt ?? s.receivedAt) : null)) : (s.closedAt ?? null);
  const manySupplements = s.supplementCount > 1;
  let outcome = s.outcome;
  if (handledAt && !outcome && s.dueAt) outcome = legalOutcome(handledAt, s.dueAt);
  const onTime = handledAt ? outcome !== 'late' && !manySupplements : null;

  let lateFrom: Date | null = null;
  if (inStock) {
    if (handledAt) {
      if (!onTime) lateFrom = s.dueAt && s.dueAt < handledAt ? s.dueAt : handledAt;
    } else if (manySupplements) {
      lateFrom = s.receivedAt;
    } else if (endedAt) {
      lateFrom = s.dueAt && s.dueAt < endedAt ? s.dueAt : null;
    } else if (s.pausedAt) {
      lateFrom = s.dueAt && s.dueAt <= s.pausedAt ? s.dueAt : null;
    } else {
      lateFrom = s.dueAt;
    }
  }
  return {
    code: s.code,
    dossierId: s.dossierId,
    source: s.source,
    provinceCode: s.provinceCode,
    unitCode: s.unitCode,
    centerId: s.centerId,
    officerId: s.officerId,
    procedureCode: s.procedureCode,
    procedureName: s.procedureName,
    sector: s.sector,
    channel: s.channel,
    outreach: s.channel === 4,
    status: s.status,
    receivedAt: s.receivedAt,
    dueAt: s.dueAt,
    finishedAt: handledAt,
    returnedAt: s.returnedAt,
    endedAt,
    lateFrom,
    receivedDay: localDay(s.receivedAt),
    handledDay: dayOrNull(handledAt),
    returnedDay: dayOrNull(s.returnedAt),
    endDay: dayOrNull(endedAt),
    lateDay: dayOrNull(lateFrom),
    inStock,
    outcome: handledAt ? outcome : null,
    onTime,
    supplementCount: s.supplementCount,
    processingDays: s.processingDays,
    feeTotal: s.feeTotal,
    paidOnline: s.paidOnline,
    returnsDocument: s.returnsDocument,
    hasEResult: s.hasEResult,
    digitized: s.digitized,
    reusedComponent: s.reusedComponent,
    citizenStore: s.citizenStore,
    populationData: s.populationData,
    certification: s.certification,
    eCertifiedCopy: s.eCertifiedCopy,
    syncedToPortal: s.syncedToPortal,
    rating: s.rating,
    hasPetition: s.hasPetition,
    noAppointment: s.noAppointment,
    updatedAt: now,
  };
}

/** Certification (chứng thực) procedures are where 4.6 counts electronic certified copies. */
export const isCertificationSector = (sector: string) => sector.trim().toLowerCase() === 'chứng thực';
