import type { Catalog } from './catalog.ts';
import { terms } from './problem-text.ts';
import type { Entry, EntryKind } from './schema.ts';

/** One entry ranked against a question, with the phrase of it that the question matched best. */
export interface ProblemHit {
  id: string;
  kind: EntryKind;
  score: number;
  /** The entry's own phrase (a name, alias, problem or symptom) that the question covered best. */
  phrase?: string;
}

/** Options of one ranking: only these kinds (default: every kind but obligations and paths), at most `limit` hits. */
export interface ProblemRankOptions {
  kinds?: readonly EntryKind[];
  limit?: number;
}

/** Ranks catalog entries against a sentence in team words; built once per catalog. */
export interface ProblemRanking {
  rank(text: string, options?: ProblemRankOptions): ProblemHit[];
}

/** Fields of an entry and how much a word found in each counts (BM25F weights). */
const fieldWeights = { names: 3, phrases: 3, text: 1 } as const;
type FieldName = keyof typeof fieldWeights;
const k1 = 1.2;
const b = 0.5;
/** Weight of covering a whole phrase of the entry, relative to the word scores. */
const phraseWeight = 1.5;
const defaultKinds: readonly EntryKind[] = ['law', 'capability', 'primitive', 'pattern', 'pitfall', 'case-study'];

interface Doc {
  entry: Entry;
  fields: Record<FieldName, Map<string, number>>;
  lengths: Record<FieldName, number>;
  phrases: Array<{ text: string; words: string[] }>;
}

function counts(words: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const w of words) map.set(w, (map.get(w) ?? 0) + 1);
  return map;
}

/** The prose of an entry that says what it is and does, by kind. */
function proseOf(entry: Entry): string[] {
  const own =
    entry.kind === 'pattern' ? [entry.problem, entry.guarantee]
    : entry.kind === 'primitive' ? [entry.trigger, ...entry.implementations]
    : entry.kind === 'pitfall' ? [entry.symptoms, entry.fix]
    : entry.kind === 'capability' ? [entry.measurement]
    : entry.kind === 'case-study' ? [entry.scale]
    : [];
  return [entry.summary, ...own, ...entry.details.whenToUse];
}

function docOf(entry: Entry, catalog: Catalog): Doc {
  const words = catalog.problemWords(entry.id);
  const names = [entry.id, entry.name, ...entry.aliases, ...(words?.synonyms ?? [])];
  const phrases = [...(words?.problems ?? []), ...(words?.symptoms ?? [])];
  const text = [...proseOf(entry), words?.answer ?? '', words?.fitsWhen ?? ''];
  const fieldWords = { names: names.flatMap(terms), phrases: phrases.flatMap(terms), text: text.flatMap(terms) };
  return {
    entry,
    fields: { names: counts(fieldWords.names), phrases: counts(fieldWords.phrases), text: counts(fieldWords.text) },
    lengths: { names: fieldWords.names.length, phrases: fieldWords.phrases.length, text: fieldWords.text.length },
    phrases: [...names, ...phrases].map((p) => ({ text: p, words: [...new Set(terms(p))] })).filter((p) => p.words.length > 0),
  };
}

/**
 * Builds a BM25F ranking over the catalog: a question's words are weighed by rarity in each field
 * (names and aliases, problem and symptom phrases, prose), and covering a whole phrase of an entry
 * ("double charge", "split brain") adds a bonus on top, so team wording finds the entry it is about.
 */
export function createProblemRanking(catalog: Catalog): ProblemRanking {
  const docs = catalog.entries.map((e) => docOf(e, catalog));
  const fields = Object.keys(fieldWeights) as FieldName[];
  const average = Object.fromEntries(fields.map((f) => [f, docs.reduce((s, d) => s + d.lengths[f], 0) / Math.max(1, docs.length)])) as Record<FieldName, number>;
  const documentFrequency = new Map<string, number>();
  for (const doc of docs) {
    const seen = new Set(fields.flatMap((f) => [...doc.fields[f].keys()]));
    for (const w of seen) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
  }
  const idf = (w: string): number => {
    const n = documentFrequency.get(w) ?? 0;
    return Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
  };
  // Everything a query word adds is known in advance: its BM25F share in each document that has
  // it, and the phrases it belongs to. A ranking then only walks the postings of the query's words.
  const postings = new Map<string, Array<{ doc: number; share: number }>>();
  const phrases: Array<{ doc: number; text: string; size: number }> = [];
  const phrasesOf = new Map<string, number[]>();
  docs.forEach((doc, i) => {
    for (const w of new Set(fields.flatMap((f) => [...doc.fields[f].keys()]))) {
      let tf = 0;
      for (const f of fields) {
        const count = doc.fields[f].get(w);
        if (count) tf += (fieldWeights[f] * count) / (1 - b + (b * doc.lengths[f]) / Math.max(1, average[f]));
      }
      const share = (idf(w) * tf) / (k1 + tf);
      const list = postings.get(w);
      if (list) list.push({ doc: i, share });
      else postings.set(w, [{ doc: i, share }]);
    }
    for (const p of doc.phrases) {
      const id = phrases.push({ doc: i, text: p.text, size: p.words.length }) - 1;
      for (const w of p.words) {
        const list = phrasesOf.get(w);
        if (list) list.push(id);
        else phrasesOf.set(w, [id]);
      }
    }
  });

  return {
    rank(text, options = {}) {
      const kinds = new Set(options.kinds ?? defaultKinds);
      const query = [...new Set(terms(text))];
      if (query.length === 0) return [];
      const scores = new Map<number, number>();
      for (const w of query) for (const { doc, share } of postings.get(w) ?? []) scores.set(doc, (scores.get(doc) ?? 0) + share);
      // Covering a whole phrase of an entry: how many of its words the query has, and their rarity.
      const covered = new Map<number, { words: number; idf: number }>();
      for (const w of query) {
        const rarity = idf(w);
        for (const id of phrasesOf.get(w) ?? []) {
          const c = covered.get(id);
          if (c) {
            c.words += 1;
            c.idf += rarity;
          } else covered.set(id, { words: 1, idf: rarity });
        }
      }
      const best = new Map<number, { id: number; bonus: number }>();
      for (const [id, c] of covered) {
        const phrase = phrases[id]!;
        if (phrase.size > 1 && c.words < 2) continue;
        const bonus = (c.words / phrase.size) ** 2 * c.idf;
        const held = best.get(phrase.doc);
        if (!held || bonus > held.bonus || (bonus === held.bonus && id < held.id)) best.set(phrase.doc, { id, bonus });
      }
      const hits: ProblemHit[] = [];
      for (const [i, words] of scores) {
        const doc = docs[i]!;
        if (!kinds.has(doc.entry.kind)) continue;
        const phrase = best.get(i);
        const score = words + phraseWeight * (phrase?.bonus ?? 0);
        hits.push({ id: doc.entry.id, kind: doc.entry.kind, score, ...(phrase ? { phrase: phrases[phrase.id]!.text } : {}) });
      }
      hits.sort((x, y) => y.score - x.score);
      return hits.slice(0, options.limit ?? 10);
    },
  };
}

const rankings = new WeakMap<Catalog, ProblemRanking>();

/** The problem ranking of a catalog, built on first use and then shared. */
export function problemRankingOf(catalog: Catalog): ProblemRanking {
  let ranking = rankings.get(catalog);
  if (!ranking) {
    ranking = createProblemRanking(catalog);
    rankings.set(catalog, ranking);
  }
  return ranking;
}
