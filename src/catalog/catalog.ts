import type { ProblemWords } from './problem-words.ts';
import type { Entry, EntryKind } from './schema.ts';

/** The loaded, integrity-checked framework. Read-only once built. */
export interface Catalog {
  /** Every entry, in catalog order (laws L1–L15, capabilities, primitives P1–P20, patterns, …). */
  readonly entries: readonly Entry[];
  /** The entry with this id, compared case-insensitively with non-alphanumerics ignored. */
  get(id: string): Entry | undefined;
  /** Like `get`, but throws a UserError (code `unknown_id`, with suggestions) when there is none. */
  require(id: string): Entry;
  /** Entries of one kind, in catalog order. */
  list<K extends EntryKind>(kind: K): Array<Extract<Entry, { kind: K }>>;
  /** Pitfalls, case studies and obligations whose `related` list names this id (derived at load). */
  referencing(id: string): Entry[];
  /** The words teams use for what this entry is about (problems, symptoms, synonyms), when the catalog has them. */
  problemWords(id: string): ProblemWords | undefined;
}

// Kept here too, where most callers look for it; it lives in its own file so problem-words.ts can use it
// without importing this module back (no import cycle).
export { normalizeId } from './normalize-id.ts';
