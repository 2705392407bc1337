import type { Catalog } from '../../catalog/catalog.ts';
import type { Search, SearchHit } from '../../catalog/search.ts';
import type { LookupKind } from '../lookup-kinds.ts';
import type { Choice, Reply } from '../reply.ts';
import { clip, composeText } from './entry-reply.ts';
import { searchReply } from './search-reply.ts';

/** Singular and plural of each kind, as people type them. */
const kindNames: Record<LookupKind, [string, string]> = {
  law: ['law', 'laws'],
  pattern: ['pattern', 'patterns'],
  primitive: ['primitive', 'primitives'],
  capability: ['capability', 'capabilities'],
};
/** The letter of each kind's own numbering (L1–L15, M1–M15, P1–P20); capabilities have none. */
const numberPrefix: Partial<Record<LookupKind, string>> = { law: 'L', pattern: 'M', primitive: 'P' };
/** Below this top score the hits of the kind are only guesses, so the reply says nothing matched. */
const weakScore = 0.6;
/** A hit this good in another kind means the person picked the wrong command, not a wrong name. */
const otherKindScore = 0.97;

/** `law 3` means L3 and `primitive 5` means P5: a bare number counts in the kind's own numbering. */
function numbered(kind: LookupKind, query: string): string {
  const number = /^#?(\d{1,2})$/.exec(query.trim());
  const prefix = numberPrefix[kind];
  return number && prefix ? `${prefix}${number[1]}` : query;
}

function sentenceList(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** The reply when no entry of the kind matches: the closest names of that kind, and the entry the query names elsewhere. */
function noMatchReply(query: string, kind: LookupKind, names: readonly string[], elsewhere: SearchHit | undefined, catalog: Catalog): Reply {
  const [singular, plural] = kindNames[kind];
  const q = clip(query.trim(), 200);
  const closest = names
    .flatMap((name) => catalog.list(kind).filter((e) => e.name === name))
    .map((e): Choice => ({ label: `${e.name} (${e.id})`, value: `show ${e.id}` }));
  const guess = names.length > 0 ? ` The closest ${plural}: ${sentenceList(names)}.` : '';
  const other = elsewhere ? ` "${elsewhere.name}" is a ${elsewhere.kind}, not a ${singular}: show ${elsewhere.id}.` : '';
  const summary = `No ${singular} matches "${q}".${guess}${other} Type ${plural} to see them all.`;
  const choices: Choice[] = [
    ...(elsewhere ? [{ label: `${elsewhere.name} (${elsewhere.id})`, value: `show ${elsewhere.id}` }] : []),
    ...closest,
    { label: `All ${plural}`, value: plural },
  ];
  const parts = { title: `No ${singular} matches "${q}"`, summary, choices };
  return { kind: 'search', text: composeText(parts), ...parts };
}

/**
 * The reply to `law <q>`, `pattern <q>` and their siblings: only entries of that kind count. The entry
 * itself when one clearly wins, a short list with `show <id>` choices when several do, else the closest names.
 */
export function kindSearchReply(query: string, kind: LookupKind, catalog: Catalog, search: Search): Reply {
  const result = search.lookup(numbered(kind, query), { kinds: [kind], limit: 5 });
  const top = result.results[0];
  if (top && top.score >= weakScore) return searchReply(query, result, catalog);
  const anywhere = search.lookup(query, { limit: 1 }).results[0];
  const elsewhere = anywhere && anywhere.kind !== kind && anywhere.score >= otherKindScore ? anywhere : undefined;
  return noMatchReply(query, kind, result.suggestions, elsewhere, catalog);
}
