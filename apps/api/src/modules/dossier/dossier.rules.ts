import type { Channel } from '@motcua/contracts';
import type { FieldError } from '../../platform/errors.ts';

/**
 * Checks a CCCD number against the holder's birth date and sex (Circular 59/2021/TT-BCA): the
 * 4th digit is 0/1 (male/female, born 1900-1999), 2/3 (2000-2099), 4/5 (2100-2199); the 5th-6th
 * are the last two digits of the birth year.
 */
export function citizenIdProblems(id: string, dateOfBirth: string, sex: 'male' | 'female', path = 'applicant.idNumber'): FieldError[] {
  if (!/^\d{12}$/.test(id)) return [{ path, message: 'must be 12 digits' }];
  const year = Number(dateOfBirth.slice(0, 4));
  const century = Math.floor(year / 100) - 19;
  const expected = century * 2 + (sex === 'female' ? 1 : 0);
  const problems: FieldError[] = [];
  if (century < 0 || century > 2 || Number(id[3]) !== expected) {
    problems.push({ path, message: 'the 4th digit does not match the date of birth and sex' });
  }
  if (id.slice(4, 6) !== dateOfBirth.slice(2, 4)) problems.push({ path, message: 'digits 5-6 do not match the year of birth' });
  return problems;
}

export type ChecklistItem = { id: string; name: string; required: boolean };
export type ChecklistAnswer = { itemId: string; provided: boolean };

/** Required items of the procedure version's official list that were not provided. */
export function missingRequired(items: ChecklistItem[], answers: ChecklistAnswer[]): ChecklistItem[] {
  const provided = new Set(answers.filter((a) => a.provided).map((a) => a.itemId));
  return items.filter((i) => i.required && !provided.has(i.id));
}

/**
 * The "no extra paper" guard: a supplement request may only name documents from the official
 * list; anything else must carry a written legal reason and is reported.
 */
export function extraPaperProblems(
  items: ChecklistItem[],
  requested: { itemId?: string; name?: string; legalReason?: string }[],
): { problems: FieldError[]; extras: { name: string; legalReason: string }[] } {
  const known = new Set(items.map((i) => i.id));
  const problems: FieldError[] = [];
  const extras: { name: string; legalReason: string }[] = [];
  requested.forEach((r, i) => {
    if (r.itemId !== undefined) {
      if (!known.has(r.itemId)) problems.push({ path: `items.${i}.itemId`, message: 'not in the procedure’s official document list' });
      return;
    }
    if (!r.name?.trim()) problems.push({ path: `items.${i}.name`, message: 'name the document' });
    else if (!r.legalReason?.trim() || r.legalReason.trim().length < 10) {
      problems.push({ path: `items.${i}.legalReason`, message: 'a document outside the official list needs a written legal reason' });
    } else extras.push({ name: r.name.trim(), legalReason: r.legalReason.trim() });
  });
  return { problems, extras };
}

type ListedDocument = { id: string; name: string; kind: 'submit' | 'present'; requirement: 'mandatory' | 'conditional'; channels?: Channel[] | undefined };

/**
 * The checklist of a procedure version for the channel the dossier came by: every document of the
 * official list may be ticked, but a mandatory one is required only on the channels it is asked
 * for (the interactive e-form is for online filing; the paper declaration for counter and post).
 * Without a channel, mandatory documents are required whatever their channels.
 */
export function checklistOf(version: { documents: ListedDocument[] }, channel?: Channel): ChecklistItem[] {
  return version.documents.map((d) => ({
    id: d.id,
    name: d.name,
    required: d.requirement === 'mandatory' && (!channel || !d.channels || d.channels.includes(channel)),
  }));
}

/** ISO weekday (1 = Monday … 7 = Sunday) of an instant in Vietnam (UTC+7, no daylight saving). */
export function isoWeekdayInVietnam(at: Date): number {
  const d = new Date(at.getTime() + 7 * 3_600_000).getUTCDay();
  return d === 0 ? 7 : d;
}
