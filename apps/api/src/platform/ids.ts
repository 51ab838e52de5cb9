import { v7 } from 'uuid';

/** Id generator for primary keys (UUIDv7: time-ordered, index-friendly). Injected like the clock. */
export type Ids = { next(): string };

export const uuidv7Ids: Ids = { next: () => v7() };
