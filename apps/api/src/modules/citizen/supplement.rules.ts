/** One document a supplement request (Form 02) asks for, as the citizen sees it. */
export type RequestedItem = { key: string; name: string; note: string | null };

type Requested = { itemId?: string; name?: string; note?: string; legalReason?: string };

/**
 * The items of the latest supplement request, each with the key its file is answered under: the
 * item of the procedure's list, or `x1`, `x2`… for a document outside it (asked with a legal
 * reason). Pure: the caller gives the names of the procedure's documents.
 */
export function requestedItems(requested: Requested[], documentName: (itemId: string) => string | undefined): RequestedItem[] {
  return requested.map((r, i) => ({
    key: r.itemId ?? `x${i + 1}`,
    name: r.name ?? (r.itemId ? (documentName(r.itemId) ?? r.itemId) : ''),
    note: r.note ?? r.legalReason ?? null,
  }));
}
