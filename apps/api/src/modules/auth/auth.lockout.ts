/**
 * Sign-in lockout: OWASP's "device cookie" scheme (Authentication and Credential Stuffing cheat
 * sheets), with the client address standing in for the device, since staff sign in from a few
 * fixed office machines and a cookie would add a second credential to manage. Pure.
 *
 * - Each (account, address) pair locks after LOCKOUT_FAILURES failures: the address that guesses
 *   is the one shut out, so a stranger who knows a username cannot lock its officer out.
 * - Guessing from many addresses is caught by the account's total: past ACCOUNT_LOCKOUT_FAILURES,
 *   the account refuses every address it has not been used from successfully in the last
 *   TRUSTED_ADDRESS_DAYS. The officer's usual machines still get in; a botnet does not.
 */
export const LOCKOUT_FAILURES = 10;
export const ACCOUNT_LOCKOUT_FAILURES = 30;
export const LOCKOUT_MINUTES = 15;
export const TRUSTED_ADDRESS_DAYS = 30;

export type LoginHistory = {
  /** Failures from this address in the window, since its last success. */
  fromAddress: number;
  /** Failures from every address in the window (a success does not reset it: the guesser never succeeds). */
  fromAll: number;
  /** This account signed in successfully from this address within TRUSTED_ADDRESS_DAYS. */
  trusted: boolean;
};

export function isLockedOut(h: LoginHistory): boolean {
  if (h.fromAddress >= LOCKOUT_FAILURES) return true;
  return !h.trusted && h.fromAll >= ACCOUNT_LOCKOUT_FAILURES;
}
