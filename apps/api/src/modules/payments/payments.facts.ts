import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { payments } from './payments.tables.ts';

/**
 * For scoring (766 indicator 3.6, "paid online"): which of these dossiers had their fee paid
 * through the gateway, as opposed to cash or not at all.
 */
export async function paidOnline(db: Db, dossierIds: string[]): Promise<Set<string>> {
  if (dossierIds.length === 0) return new Set();
  const rows = await db
    .select({ dossierId: payments.dossierId })
    .from(payments)
    .where(and(inArray(payments.dossierId, dossierIds), eq(payments.method, 'online'), eq(payments.status, 'paid')));
  return new Set(rows.map((r) => r.dossierId));
}
