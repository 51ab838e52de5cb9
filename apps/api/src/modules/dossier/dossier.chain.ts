import { createHash } from 'node:crypto';

/** The fields of an event that the chain protects; order and spelling are part of the format. */
export type ChainedEvent = {
  dossierId: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorRole: string;
  action: string;
  fromState: string | null;
  toState: string;
  reason: string | null;
  data: unknown;
};

/** JSON with sorted keys, so the same event always hashes the same on every machine. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const GENESIS = '0'.repeat(64);

export function eventHash(prevHash: string, event: ChainedEvent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(event)).digest('hex');
}

/** Recomputes the chain; returns the seq of the first event that does not match, or null when intact. */
export function firstBrokenLink(events: (ChainedEvent & { prevHash: string; hash: string })[]): number | null {
  let prev = GENESIS;
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    const { prevHash, hash, ...body } = e;
    if (prevHash !== prev || eventHash(prev, body) !== hash) return e.seq;
    prev = hash;
  }
  return null;
}

/** An event as the table stores it: the time is a Date, and other columns may sit beside. */
export type StoredEvent = Omit<ChainedEvent, 'at'> & { at: Date; prevHash: string; hash: string };

/** `firstBrokenLink` over stored events: only the chained fields are hashed, never the other columns. */
export function firstBrokenStoredLink(events: StoredEvent[]): number | null {
  return firstBrokenLink(
    events.map((e) => ({
      dossierId: e.dossierId,
      seq: e.seq,
      at: e.at.toISOString(),
      actorId: e.actorId,
      actorRole: e.actorRole,
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      reason: e.reason,
      data: e.data,
      prevHash: e.prevHash,
      hash: e.hash,
    })),
  );
}
