import { normalizeId, type Catalog } from '../../catalog/catalog.ts';
import type { EntryKind } from '../../catalog/schema.ts';
import type { Search } from '../../catalog/search.ts';
import type { LookupKind } from '../../dialog/lookup-kinds.ts';
import { clip, discordLimits as max } from './limits.ts';

/** One autocomplete choice: what the user sees, and the entry id the command receives. */
export interface AutocompleteChoice {
  name: string;
  value: string;
}

/**
 * Autocomplete over the catalog: the best matches for what has been typed so far (the first
 * entries when nothing has), at most 25, optionally of one kind. Ids are the values.
 */
export function autocompleteChoices(catalog: Catalog, search: Search, typed: string, kind?: EntryKind): AutocompleteChoice[] {
  const query = typed.trim();
  const hits = query
    ? search.lookup(query, { limit: max.autocompleteChoices, ...(kind && { kinds: [kind] }) }).results
    : (kind ? catalog.list(kind) : catalog.entries).slice(0, max.autocompleteChoices);
  return hits.slice(0, max.autocompleteChoices).map((hit) => ({
    name: clip(normalizeId(hit.name) === normalizeId(hit.id) ? hit.name : `${hit.name} (${hit.id})`, max.choiceName),
    value: clip(hit.id, max.choiceValue),
  }));
}

/**
 * The chat command for `/law name` and its siblings: `show <id>` when the name is (or clearly matches)
 * an entry of that kind, else the kind's own search (`law <name>`), so the reply suggests close names of that kind.
 */
export function entryCommandText(catalog: Catalog, search: Search, name: string, kind: LookupKind): string {
  const exact = catalog.get(name);
  if (exact?.kind === kind) return `show ${exact.id}`;
  const best = search.lookup(name, { limit: 1, kinds: [kind] }).results[0];
  return best && best.score >= 0.6 ? `show ${best.id}` : `${kind} ${name}`;
}
