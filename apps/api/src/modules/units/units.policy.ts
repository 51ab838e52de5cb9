import type { Actor } from '../../platform/actor.ts';

export type CenterScope = { kind: 'province'; provinceCode: string } | { kind: 'center'; centerId: string } | { kind: 'none' };

/**
 * Which centers' internal data an actor may see: a province admin sees the province,
 * staff see their own center only, citizens see no center's internals.
 */
export function centerScope(actor: Actor): CenterScope {
  if (actor.role === 'province_admin') return { kind: 'province', provinceCode: actor.provinceCode };
  if (actor.role === 'citizen' || actor.centerId === null) return { kind: 'none' };
  return { kind: 'center', centerId: actor.centerId };
}

export function canSeeCenter(actor: Actor, center: { id: string; provinceCode: string }): boolean {
  const scope = centerScope(actor);
  if (scope.kind === 'province') return scope.provinceCode === center.provinceCode;
  if (scope.kind === 'center') return scope.centerId === center.id;
  return false;
}
