import { UserError } from '../errors.ts';
import { normalizeId, type Catalog } from './catalog.ts';
import { referencedIds } from './referenced-ids.ts';
import type { ProblemWords } from './problem-words.ts';
import type { Entry, EntryKind } from './schema.ts';
import { searchOf } from './search.ts';

/**
 * Builds the read-only Catalog over entries that passed the integrity checks, with its lookup
 * indexes (by normalized id, by kind, and who references whom) and its problem words computed once.
 */
export function buildCatalog(entries: readonly Entry[], problemWords: readonly ProblemWords[] = []): Catalog {
  const frozen = Object.freeze([...entries]);
  const words = new Map(problemWords.map((w) => [normalizeId(w.id), w]));
  const byId = new Map<string, Entry>(frozen.map((e) => [normalizeId(e.id), e]));
  const byKind = new Map<EntryKind, Entry[]>();
  const referencedBy = new Map<string, Entry[]>();
  for (const entry of frozen) {
    byKind.set(entry.kind, [...(byKind.get(entry.kind) ?? []), entry]);
    for (const id of new Set(referencedIds(entry).map(normalizeId))) {
      referencedBy.set(id, [...(referencedBy.get(id) ?? []), entry]);
    }
  }
  const catalog: Catalog = {
    entries: frozen,
    get: (id) => byId.get(normalizeId(id)),
    require(id) {
      const found = catalog.get(id);
      if (found) return found;
      // The search index is only needed for suggestions after a miss, so it is built on first use.
      const result = searchOf(catalog).lookup(id, { limit: 5 });
      const suggestions =
        result.results.length > 0
          ? result.results.map((r) => r.id)
          : result.suggestions.flatMap((name) => frozen.filter((e) => e.name === name).map((e) => e.id));
      throw new UserError('unknown_id', `There is no catalog entry with id "${id}".`, {
        hint: 'Ids are like cap-theorem, LinearizableWrite, P7 or outbox; try `lookup <words>` to search.',
        suggestions,
      });
    },
    list: <K extends EntryKind>(kind: K) => [...(byKind.get(kind) ?? [])] as Array<Extract<Entry, { kind: K }>>,
    referencing: (id) => [...(referencedBy.get(normalizeId(id)) ?? [])],
    problemWords: (id) => words.get(normalizeId(id)),
  };
  return catalog;
}
