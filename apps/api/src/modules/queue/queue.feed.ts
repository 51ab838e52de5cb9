import type { QueueEvent } from '@motcua/contracts';

export type FeedListener = (event: QueueEvent) => void;

export type FeedStore = {
  /** Committed events of a center with seq > afterSeq, in order. */
  eventsAfter(centerId: string, afterSeq: number, limit: number): Promise<QueueEvent[]>;
  lastSeq(centerId: string): Promise<number>;
};

type Channel = { lastSeq: number; listeners: Set<FeedListener>; chain: Promise<void> };

/** Until the channel has read the board, every event counts as already seen (none is emitted). */
const UNKNOWN = Number.MAX_SAFE_INTEGER;

/**
 * In-process event bus of the live board, one channel per center. Events may reach it out of order
 * (two commits publishing at once, or NOTIFY from another process racing a local publish); each
 * channel hands them to its listeners strictly in seq order, once each, and fills a gap from the
 * database, where events of one center are committed in seq order (the board row lock).
 */
export class QueueFeed {
  private readonly channels = new Map<string, Channel>();

  constructor(
    private readonly store: FeedStore,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Called after commit by this process and for every NOTIFY from the others. */
  publish(centerId: string, event: QueueEvent): void {
    const ch = this.channels.get(centerId);
    if (!ch) return; // nobody here watches this center
    this.enqueue(centerId, ch, async () => {
      if (event.seq <= ch.lastSeq) return;
      if (event.seq === ch.lastSeq + 1) return this.emit(ch, [event]);
      await this.catchUp(centerId, ch);
    });
  }

  /** Re-reads every watched center, e.g. after the LISTEN connection was lost and came back. */
  resync(): void {
    for (const [centerId, ch] of this.channels) this.enqueue(centerId, ch, () => this.catchUp(centerId, ch));
  }

  /**
   * Adds a listener; resolves once the channel knows where the center's feed stands, with the
   * seq from which the listener will receive every later event.
   */
  async subscribe(centerId: string, listener: FeedListener): Promise<{ fromSeq: number; unsubscribe: () => void }> {
    let ch = this.channels.get(centerId);
    if (!ch) {
      const created: Channel = { lastSeq: UNKNOWN, listeners: new Set(), chain: Promise.resolve() };
      ch = created;
      this.channels.set(centerId, created);
      this.enqueue(centerId, created, async () => {
        created.lastSeq = await this.store.lastSeq(centerId);
      });
    }
    const channel = ch;
    channel.listeners.add(listener);
    await channel.chain;
    if (channel.lastSeq === UNKNOWN) {
      // The database did not answer: forget the channel so the display's retry starts afresh.
      channel.listeners.delete(listener);
      if (this.channels.get(centerId) === channel && channel.listeners.size === 0) this.channels.delete(centerId);
      throw new Error(`queue feed: cannot read the board of center ${centerId}`);
    }
    return {
      fromSeq: channel.lastSeq,
      unsubscribe: () => {
        channel.listeners.delete(listener);
        if (channel.listeners.size === 0 && this.channels.get(centerId) === channel) this.channels.delete(centerId);
      },
    };
  }

  get connections(): number {
    let n = 0;
    for (const ch of this.channels.values()) n += ch.listeners.size;
    return n;
  }

  private enqueue(_centerId: string, ch: Channel, step: () => Promise<void> | void): void {
    ch.chain = ch.chain.then(step).catch(this.onError);
  }

  private async catchUp(centerId: string, ch: Channel): Promise<void> {
    for (;;) {
      const batch = await this.store.eventsAfter(centerId, ch.lastSeq, 500);
      if (batch.length === 0) return;
      this.emit(ch, batch);
      if (batch.length < 500) return;
    }
  }

  private emit(ch: Channel, events: QueueEvent[]): void {
    for (const event of events) {
      if (event.seq <= ch.lastSeq) continue;
      ch.lastSeq = event.seq;
      for (const listener of ch.listeners) {
        try {
          listener(event);
        } catch (err) {
          this.onError(err);
        }
      }
    }
  }
}
