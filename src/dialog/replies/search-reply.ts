import type { Catalog } from '../../catalog/catalog.ts';
import type { SearchResult } from '../../catalog/search.ts';
import type { Choice, Reply } from '../reply.ts';
import { clip, composeText, entryReply } from './entry-reply.ts';

/** A top hit at least this good, and clearly ahead of the next one, is shown as the entry itself. */
const strongScore = 0.7;
const clearLead = 0.15;
const maxChoices = 4;

/** Options of `searchReply`: `expandTop: false` always lists the hits (the CLI `lookup`). */
export interface SearchReplyOptions {
  expandTop?: boolean;
}

/**
 * The reply to a lookup: the entry itself when one hit clearly wins, a ranked list otherwise,
 * and a friendly "did you mean" with the closest names when nothing matched.
 */
export function searchReply(query: string, result: SearchResult, catalog: Catalog, options: SearchReplyOptions = {}): Reply {
  const [top, second] = result.results;
  const q = clip(query.trim(), 200);
  if (!top) {
    const names = result.suggestions;
    const choices: Choice[] = names
      .flatMap((name) => catalog.entries.filter((e) => e.name === name))
      .slice(0, maxChoices)
      .map((e) => ({ label: `${e.name} (${e.id})`, value: `show ${e.id}` }));
    const guess = names.length === 0 ? '' : ` Did you mean ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`}?`;
    const summary = `I don't know "${q}".${guess} You can also try other words, or "help".`;
    const parts = { title: `No match for "${q}"`, summary, choices };
    return { kind: 'search', text: composeText(parts), ...parts };
  }
  const leads = !second || top.score - second.score >= clearLead || (top.score === 1 && second.score < 1);
  if (options.expandTop !== false && top.score >= strongScore && leads) {
    const entry = catalog.get(top.id);
    if (entry) return entryReply(entry, catalog);
  }
  const lines = result.results.map((r, i) => `${i + 1}. ${r.name} (${r.id}), ${r.kind}, score ${r.score.toFixed(2)}`);
  const weak = top.score < 0.6;
  const parts = {
    title: `Results for "${q}"`,
    summary: weak ? 'Nothing matched closely; these come nearest.' : `${lines.length} match${lines.length === 1 ? '' : 'es'}, best first.`,
    fields: [{ label: 'Matches', value: clip(lines.join('\n')) }],
    choices: result.results.slice(0, maxChoices).map((r) => ({ label: `${r.name} (${r.id})`, value: `show ${r.id}` })),
  };
  return { kind: 'search', text: composeText(parts), ...parts };
}
