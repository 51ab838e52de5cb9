import { eq } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { PREFILL_STATEMENT } from './assist.service.ts';
import { findCitizen } from './citizen.repo.ts';
import { citizens, consents } from './citizen.tables.ts';
import { findOwnDraft, saveDraft } from './drafts.service.ts';
import { lookupPerson } from './population.client.ts';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids' | 'config'>;

/**
 * Once-only: with the citizen's consent (recorded), fills the draft's applicant from the
 * national population database. The registry answers only when the ID number and the
 * account's phone belong to the same person.
 */
export async function prefillFromRegistry(deps: Deps, citizenId: string, draftId: string, input: { idNumber: string; expectedVersion: number }, recordedBy: string) {
  const draft = await findOwnDraft(deps, citizenId, draftId);
  const citizen = await findCitizen(deps.db, citizenId);
  if (!citizen) throw notFound('citizen.not_found', 'No citizen profile.');
  const person = await lookupPerson(deps.config.citizen.populationUrl, input.idNumber, citizen.phone);
  if (!person) throw new DomainError('not_found', 'citizen.registry_no_match', 'The population registry has no person with this ID number and your phone number.');
  const now = deps.clock.now();
  await deps.db.insert(consents).values({ id: deps.ids.next(), citizenId, purpose: 'population_prefill', givenAt: now, recordedBy, statement: PREFILL_STATEMENT });
  await deps.db.update(citizens).set({ idNumber: person.idNumber, fullName: person.fullName }).where(eq(citizens.userId, citizenId));
  const applicant = { idNumber: person.idNumber, fullName: person.fullName, dateOfBirth: person.dateOfBirth, sex: person.sex, address: person.address, phone: person.phone };
  return saveDraft(deps, citizenId, draft.id, input.expectedVersion, { applicant, populationUsed: true });
}
