import type { PetitionPublic, PetitionStaffView } from '@motcua/contracts';
import { toLocalIso } from '../calendar/index.ts';
import { deskBadge, initialsOf } from './petition.rules.ts';
import type { PetitionRow } from './petitions.repo.ts';

const iso = (d: Date | null) => (d ? toLocalIso(d) : null);

export function publicView(p: PetitionRow, centerName: string, owner: boolean): PetitionPublic {
  return {
    code: p.code,
    kind: p.kind,
    title: p.title,
    content: p.content,
    senderInitials: p.anonymous ? null : initialsOf(p.submitterName),
    published: p.publish,
    centerName,
    status: p.status,
    receivedAt: toLocalIso(p.receivedAt),
    dueAt: toLocalIso(p.dueAt),
    answer: p.answer,
    refusalReason: p.refusalReason,
    closedAt: iso(p.closedAt),
    outcome: p.outcome,
    infoRequest: owner ? p.infoRequest : null,
    satisfaction: p.satisfaction,
  };
}

export function staffView(p: PetitionRow, centerName: string, dossierCode: string | null, now: Date): PetitionStaffView {
  return {
    ...publicView(p, centerName, true),
    submitterName: p.submitterName,
    id: p.id,
    dossierCode: dossierCode ?? p.dossierCodeGiven,
    contactPhone: p.contactPhone,
    contactEmail: p.contactEmail,
    refuseBy: toLocalIso(p.refuseBy),
    infoBy: toLocalIso(p.infoBy),
    infoReply: p.infoReply,
    repeated: p.repeatOf !== null,
    badge: deskBadge(now, p),
    version: p.version,
  };
}
