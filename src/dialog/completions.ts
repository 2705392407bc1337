import { normalizeId, type Catalog } from '../catalog/catalog.ts';
import type { Search } from '../catalog/search.ts';
import type { CompletionChoice, CompletionRequest } from './door.ts';

/**
 * Completions over the catalog: the best matches for what has been typed so far (the first entries
 * when nothing has), at most `limit`, optionally of one kind. The label names the id when it differs.
 */
export function completions(catalog: Catalog, search: Search, request: CompletionRequest): CompletionChoice[] {
  const query = request.typed.trim();
  const { kind, limit } = request;
  const hits = query
    ? search.lookup(query, { limit, ...(kind && { kinds: [kind] }) }).results
    : (kind ? catalog.list(kind) : catalog.entries).slice(0, limit);
  return hits.slice(0, limit).map((hit) => ({
    label: normalizeId(hit.name) === normalizeId(hit.id) ? hit.name : `${hit.name} (${hit.id})`,
    id: hit.id,
  }));
}
