import { describe, expect, it } from 'vitest';
import type { Role } from '@motcua/contracts';
import { allStates, decide, transitions, type Action } from '../../src/modules/dossier/dossier.states.ts';

const roles: Role[] = ['counter_officer', 'specialist', 'leader', 'director', 'province_admin', 'citizen'];

describe('dossier transition table', () => {
  // For every row: each listed state and role is allowed; every other state is an illegal
  // transition, every other role is refused — so adding a row or a role is a deliberate change.
  for (const [action, row] of Object.entries(transitions) as [Action, (typeof transitions)[Action]][]) {
    it(`${action}: allowed from ${row.from.join(', ')} for ${row.roles.join(', ')}; refused elsewhere`, () => {
      for (const state of allStates) {
        for (const role of roles) {
          const d = decide(state, action, role, 'processing:in_review');
          const fromOk = (row.from as readonly string[]).includes(state);
          const roleOk = (row.roles as readonly string[]).includes(role);
          if (!fromOk) expect(d, `${state} ${role}`).toEqual({ ok: false, reason: 'illegal_state' });
          else if (!roleOk) expect(d, `${state} ${role}`).toEqual({ ok: false, reason: 'role_not_allowed' });
          else expect(d.ok, `${state} ${role}`).toBe(true);
        }
      }
    });
  }

  it('sends each allowed action to the documented state', () => {
    expect(decide('received', 'assign', 'leader')).toEqual({ ok: true, to: 'processing:assigned' });
    expect(decide('processing:awaiting_approval', 'approve', 'leader')).toEqual({ ok: true, to: 'processing:approved' });
    expect(decide('processing:awaiting_approval', 'send_back', 'director')).toEqual({ ok: true, to: 'processing:in_review' });
    expect(decide('finished', 'return_result', 'counter_officer')).toEqual({ ok: true, to: 'returned' });
    expect(decide('awaiting_payment', 'record_payment', 'counter_officer')).toEqual({ ok: true, to: 'finished' });
    // Apology letters and reassignment keep the state.
    expect(decide('processing:in_review', 'apologize', 'leader')).toEqual({ ok: true, to: 'processing:in_review' });
    expect(decide('processing:assigned', 'reassign', 'director')).toEqual({ ok: true, to: 'processing:assigned' });
    // A supplement goes back to where the request was made.
    expect(decide('supplement_requested', 'receive_supplement', 'counter_officer', 'new')).toEqual({ ok: true, to: 'new' });
    expect(decide('supplement_requested', 'receive_supplement', 'specialist', 'processing:in_review')).toEqual({ ok: true, to: 'processing:in_review' });
  });

  it('nothing moves a dossier out of a final state', () => {
    for (const state of ['not_accepted', 'withdrawn', 'stopped', 'returned'] as const) {
      for (const action of Object.keys(transitions) as Action[]) {
        for (const role of roles) expect(decide(state, action, role).ok).toBe(false);
      }
    }
  });

  it('a specialist cannot sign, and a counter officer cannot approve', () => {
    expect(decide('processing:awaiting_approval', 'approve', 'specialist')).toEqual({ ok: false, reason: 'role_not_allowed' });
    expect(decide('processing:awaiting_approval', 'approve', 'counter_officer')).toEqual({ ok: false, reason: 'role_not_allowed' });
  });
});
