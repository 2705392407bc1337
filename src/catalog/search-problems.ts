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
  const postings = new Map<string, number[]>();
  docs.forEach((doc, i) => {
    for (const w of new Set(fields.flatMap((f) => [...doc.fields[f].keys()]))) {
      const list = postings.get(w);
      if (list) list.push(i);
      else postings.set(w, [i]);
    }
  });

  return {
    rank(text, options = {}) {
      const kinds = new Set(options.kinds ?? defaultKinds);
      const query = [...new Set(terms(text))];
      if (query.length === 0) return [];
      const querySet = new Set(query);
      const candidates = new Set(query.flatMap((w) => postings.get(w) ?? []));
      const hits: ProblemHit[] = [];
      for (const i of candidates) {
        const doc = docs[i]!;
        if (!kinds.has(doc.entry.kind)) continue;
        let score = 0;
        for (const w of query) {
          let tf = 0;
          for (const f of fields) {
            const count = doc.fields[f].get(w);
            if (count) tf += (fieldWeights[f] * count) / (1 - b + (b * doc.lengths[f]) / Math.max(1, average[f]));
          }
          if (tf > 0) score += (idf(w) * tf) / (k1 + tf);
        }
        let best: { text: string; bonus: number } | undefined;
        for (const p of doc.phrases) {
          const covered = p.words.filter((w) => querySet.has(w));
          if (covered.length === 0 || (p.words.length > 1 && covered.length < 2)) continue;
          const share = covered.length / p.words.length;
          const bonus = share ** 2 * covered.reduce((s, w) => s + idf(w), 0);
          if (!best || bonus > best.bonus) best = { text: p.text, bonus };
        }
        score += phraseWeight * (best?.bonus ?? 0);
        hits.push({ id: doc.entry.id, kind: doc.entry.kind, score, ...(best ? { phrase: best.text } : {}) });
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
