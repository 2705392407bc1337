import { normalizeId, type Catalog } from './catalog.ts';
import type { Entry, EntryKind } from './schema.ts';
import { isFiller, looseKeys, meaningfulWords, similarity, words } from './search-text.ts';
import { terms as aboutWords } from './problem-text.ts';
import { problemRankingOf } from './search-problems.ts';
import { TermIndex } from './term-index.ts';

/** One ranked hit: `score` is in 0..1, 1 meaning the query is exactly an id, name or alias. */
export interface SearchHit {
  kind: EntryKind;
  id: string;
  name: string;
  score: number;
}

/** Hits best first; `suggestions` holds the closest entry names when the hits are missing or weak. */
export interface SearchResult {
  results: SearchHit[];
  suggestions: string[];
}

/** Options of one lookup: at most `limit` hits (default 10), only of the given kinds. */
export interface LookupOptions {
  limit?: number;
  kinds?: readonly EntryKind[];
}

/** A ranked search over every catalog entry, built once. */
export interface Search {
  lookup(query: string, opts?: LookupOptions): SearchResult;
}

/** Below this top score the hits are "weak" and suggestions are added. */
const weakScore = 0.6;
/** A match that differs from a name only in filler words, word order or plural/possessive forms. */
const looseScore = 0.97;
/** Text matches never reach the scores reserved for name matches. */
const maxFuzzyScore = 0.95;
const suggestionCount = 3;
/** On an inexact match, the framework's building blocks rank a little ahead of pitfalls, proofs and cases. */
const coreKinds = new Set<EntryKind>(['law', 'capability', 'primitive', 'pattern']);
const secondaryWeight = 0.92;
/** A query with at least this many meaningful words is a sentence, ranked by what entries are about. */
const sentenceWords = 3;

/** Maps a problem-ranking score (unbounded) into the fuzzy band of lookup scores, keeping its order. */
function aboutScore(score: number): number {
  return Math.min(maxFuzzyScore, (maxFuzzyScore * score) / (score + 3));
}
/**
 * Work per lookup is bounded whatever is typed: no name is anywhere near this long, so the rest of
 * a longer query cannot change which entry it names, only how long the lookup takes.
 */
export const maxQueryLength = 256;
/** Distinct words of a query that are matched one by one (each costs a few map reads and typo variants). */
const maxQueryWords = 16;

function addTo(map: Map<string, number[]>, key: string, idx: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [idx]);
  else if (!list.includes(idx)) list.push(idx);
}

function namesOf(entry: Entry): string[] {
  const number = entry.kind === 'law' || entry.kind === 'pattern' ? [entry.number] : [];
  return [entry.id, entry.name, ...entry.aliases, ...number];
}

function textOf(entry: Entry): string {
  const extra =
    entry.kind === 'pattern' ? [entry.problem, entry.guarantee]
    : entry.kind === 'primitive' ? [entry.trigger]
    : entry.kind === 'pitfall' ? [entry.symptoms]
    : entry.kind === 'path' ? [entry.outcome]
    : [];
  return [entry.summary, ...extra].join(' ');
}

/** Pairs of letters of a name form, for finding spelling neighbours without comparing every name. */
function bigrams(form: string): Set<string> {
  const grams = new Set<string>();
  const padded = ` ${form} `;
  for (let i = 0; i < padded.length - 1; i++) grams.add(padded.slice(i, i + 2));
  return grams;
}

/**
 * Builds the search over a catalog, once. Exact and loose name matches come from precomputed
 * maps; everything else (typos, partial names, words of the summary) from a TermIndex, re-scored
 * by how close the whole query is to the entry's names.
 */
export function createSearch(catalog: Catalog): Search {
  const entries = catalog.entries;
  const indexOf = new Map(entries.map((e, idx) => [e.id, idx]));
  const exact = new Map<string, number[]>();
  const loose = new Map<string, number[]>();
  const forms: string[][] = [];
  const gramIndex = new Map<string, number[]>();
  const gramCounts: number[] = [];
  const formOwner: number[] = [];
  entries.forEach((entry, idx) => {
    const names = namesOf(entry);
    for (const name of names) {
      addTo(exact, normalizeId(name), idx);
      for (const key of looseKeys(name)) addTo(loose, key, idx);
    }
    const own = [...new Set(names.map((n) => meaningfulWords(n).join('')).filter((f) => f !== ''))];
    forms.push(own);
    for (const form of own) {
      const id = formOwner.push(idx) - 1;
      const grams = bigrams(form);
      gramCounts.push(grams.size);
      for (const g of grams) addTo(gramIndex, g, id);
    }
  });
  const terms = new TermIndex(
    entries.map((entry) => ({
      names: namesOf(entry).flatMap((n) => words(n)),
      text: words(textOf(entry)).filter((w) => !isFiller(w)),
    })),
  );

  /**
   * How close `form` is to the nearest of the entry's name forms: spelling similarity, or for a
   * part of a name ("circuit" of "circuit breaker") at least a half plus the share it covers.
   * Below one half counts as 0.
   */
  const nameSimilarity = (idx: number, form: string): number => {
    let best = 0.5;
    for (const f of forms[idx]!) {
      if (f.includes(form)) best = Math.max(best, 0.5 + (0.5 * form.length) / f.length);
      best = Math.max(best, similarity(form, f, best));
    }
    return best === 0.5 ? 0 : best;
  };

  /** Names spelled most like `form`, by shared letter pairs (Dice coefficient). */
  const closestNames = (form: string, allowed: (e: Entry) => boolean): string[] => {
    const query = bigrams(form);
    const shared = new Map<number, number>();
    for (const g of query) for (const id of gramIndex.get(g) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    const best = new Map<number, number>();
    for (const [id, count] of shared) {
      const idx = formOwner[id]!;
      const dice = (2 * count) / (query.size + gramCounts[id]!);
      if (allowed(entries[idx]!) && dice > (best.get(idx) ?? 0)) best.set(idx, dice);
    }
    const ranked = [...best].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([idx]) => idx);
    // Not one shared letter pair: still offer a start (the first entries) rather than nothing.
    const fallback = entries.map((_, idx) => idx).filter((idx) => allowed(entries[idx]!));
    return (ranked.length > 0 ? ranked : fallback).slice(0, suggestionCount).map((idx) => entries[idx]!.name);
  };

  return {
    lookup(typed, opts = {}) {
      const query = typed.length > maxQueryLength ? typed.slice(0, maxQueryLength) : typed;
      const limit = opts.limit ?? 10;
      const kinds = opts.kinds ? new Set(opts.kinds) : undefined;
      const allowed = (e: Entry): boolean => !kinds || kinds.has(e.kind);
      const scores = new Map<number, number>();
      const give = (idx: number, score: number): void => {
        if (allowed(entries[idx]!) && (scores.get(idx) ?? -1) < score) scores.set(idx, score);
      };
      const key = normalizeId(query);
      if (key === '') return { results: [], suggestions: [] };
      for (const idx of exact.get(key) ?? []) give(idx, 1);
      for (const k of looseKeys(query)) for (const idx of loose.get(k) ?? []) give(idx, looseScore);

      const meaningful = [...new Set(meaningfulWords(query))].slice(0, maxQueryWords);
      const form = meaningful.join('');
      const cover = new Map<number, number>();
      const text = new Map<number, number>();
      for (const word of meaningful) {
        for (const [idx, weight] of terms.matchName(word)) cover.set(idx, (cover.get(idx) ?? 0) + weight / meaningful.length);
        for (const [idx, weight] of terms.matchText(word)) text.set(idx, (text.get(idx) ?? 0) + weight);
      }
      const topText = Math.max(1e-9, ...text.values());
      // Rank the candidates cheaply first; only the best few get the costlier whole-name comparison.
      const candidates = [...new Set([...cover.keys(), ...text.keys()])]
        .filter((idx) => !scores.has(idx) && allowed(entries[idx]!))
        .map((idx) => ({ idx, cover: cover.get(idx) ?? 0, text: (text.get(idx) ?? 0) / topText }))
        .sort((a, b) => b.cover + 0.6 * b.text - (a.cover + 0.6 * a.text))
        .slice(0, 20);
      for (const c of candidates) {
        // Squaring keeps near-misses of a whole name (typos) well ahead of entries sharing one word.
        const score = 0.7 * nameSimilarity(c.idx, form) ** 2 + 0.2 * c.cover + 0.1 * c.text;
        give(c.idx, Math.min(maxFuzzyScore, score * (coreKinds.has(entries[c.idx]!.kind) ? 1 : secondaryWeight)));
      }

      // A sentence in team words ("how do we stop double charges when a client retries?") names no entry;
      // the problem ranking over what each entry is about finds it, while exact names keep their 1.
      if (aboutWords(query).length >= sentenceWords) {
        for (const hit of problemRankingOf(catalog).rank(query, { limit: 10, ...(opts.kinds ? { kinds: opts.kinds } : {}) })) {
          give(indexOf.get(hit.id)!, aboutScore(hit.score));
        }
      }

      const results = [...scores]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, Math.max(0, limit))
        .map(([idx, score]) => {
          const e = entries[idx]!;
          return { kind: e.kind, id: e.id, name: e.name, score: Math.round(score * 1000) / 1000 };
        });
      const weak = results.length === 0 || results[0]!.score < weakScore;
      if (!weak) return { results, suggestions: [] };
      // The weak hits themselves are the best guesses; spelling neighbours fill up the rest.
      const suggestions = [...new Set([...results.map((r) => r.name), ...closestNames(form, allowed)])];
      return { results, suggestions: suggestions.slice(0, suggestionCount) };
    },
  };
}

const searches = new WeakMap<Catalog, Search>();

/**
 * The search of a catalog as a handle whose index is built on its first lookup (and shared with
 * `searchOf`): start-up checks the catalog but need not wait ~50 ms for an index no turn has used yet.
 */
export function lazySearch(catalog: Catalog): Search {
  return { lookup: (query, opts) => searchOf(catalog).lookup(query, opts) };
}

/** The search of a catalog, built on first use and then shared by every caller. */
export function searchOf(catalog: Catalog): Search {
  let search = searches.get(catalog);
  if (!search) {
    search = createSearch(catalog);
    searches.set(catalog, search);
  }
  return search;
}
