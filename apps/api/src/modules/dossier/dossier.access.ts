import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import type { DossierRow } from './dossier.repo.ts';

/**
 * Staff of the receiving or the competent center work on a dossier; a province admin of its
 * province may read it. Anyone else gets the same 404 as for a dossier that does not exist.
 */
export function canRead(actor: Actor, d: Pick<DossierRow, 'centerId' | 'competentCenterId' | 'provinceCode'>): boolean {
  if (actor.role === 'province_admin') return actor.provinceCode === d.provinceCode;
  return actor.centerId !== null && (actor.centerId === d.centerId || actor.centerId === d.competentCenterId);
}

export function canWork(actor: Actor, d: Pick<DossierRow, 'centerId' | 'competentCenterId'>): boolean {
  return actor.role !== 'province_admin' && actor.role !== 'citizen' && actor.centerId !== null && (actor.centerId === d.centerId || actor.centerId === d.competentCenterId);
}

export function visibleOr404<T extends Pick<DossierRow, 'centerId' | 'competentCenterId' | 'provinceCode'>>(actor: Actor, d: T | null): T {
  if (!d || !canRead(actor, d)) throw notFound('dossier.not_found', 'No such dossier.');
  return d;
}
