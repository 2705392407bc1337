import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { booleanFields, consistencies, domains, orderings } from '../../requirements.ts';
import { dataPath } from '../../../project-paths.ts';
import { checkedOnce } from '../../../checked-once.ts';

const Phrases = z.array(z.string().regex(/^[a-z0-9' *-]+$/, 'phrases are lower-case words, digits and *')).default([]);
const FlagWords = z.strictObject({ yes: Phrases, no: Phrases });
const choiceWords = <T extends readonly [string, ...string[]]>(values: T) => z.partialRecord(z.enum(values), Phrases);

/** The vocabulary of data/requirement-words.json, checked at load. */
export const Vocabulary = z.strictObject({
  schemaVersion: z.literal(1),
  about: z.string(),
  flags: z.partialRecord(z.enum(booleanFields), FlagWords),
  choices: z.strictObject({
    consistency: choiceWords(consistencies),
    ordering: choiceWords(orderings),
    domain: choiceWords(domains),
  }),
  regions: z.strictObject({ names: Phrases, codePrefixes: Phrases, codeDirections: Phrases }),
  /** Phrases that look like a field's words but say something else ("rate limiter", "geo-replicated"): read as nothing. */
  unrelated: Phrases,
});
export type Vocabulary = z.infer<typeof Vocabulary>;

/** The field of an unrelated phrase: it is matched like the others (the longest match wins) and states nothing. */
export const UNRELATED = '';

/** One word of a compiled phrase: an exact word, a prefix, or a gap of up to two words. */
export type PhraseWord = { exact: string } | { prefix: string } | { gap: true };

/** A phrase that states a value of a field. */
export interface Phrase {
  field: string;
  value: string | boolean;
  words: PhraseWord[];
}

/** The compiled vocabulary: phrases indexed by their first word, region names, and the known words for typo repair. */
export interface Lexicon {
  phrases: Phrase[];
  regionNames: string[][];
  codePrefixes: ReadonlySet<string>;
  codeDirections: ReadonlySet<string>;
  /** Every word the phrases and the reader know, for correcting a one-letter typo. */
  known: ReadonlySet<string>;
  /** The stems of prefix phrases ("ledger" of "ledger*"): words beginning with one are not typos. */
  stems: string[];
}

/** How the reader writes a word before comparing: lower case, apostrophes dropped ("don't" is "dont"). */
export function normalWord(word: string): string {
  return word.toLowerCase().replaceAll("'", '');
}

function compile(field: string, value: string | boolean, text: string): Phrase {
  const words = text
    .replaceAll('-', ' ')
    .split(' ')
    .filter((w) => w !== '')
    .map((w): PhraseWord => (w === '*' ? { gap: true } : w.endsWith('*') ? { prefix: normalWord(w.slice(0, -1)) } : { exact: normalWord(w) }));
  return { field, value, words };
}

/** Compiles checked vocabulary; `extraKnown` adds the reader's own keywords (units, labels) to the words typos are repaired to. */
export function compileLexicon(vocabulary: Vocabulary, extraKnown: readonly string[]): Lexicon {
  const phrases: Phrase[] = [];
  for (const [field, words] of Object.entries(vocabulary.flags)) {
    const { yes, no } = words as { yes: string[]; no: string[] };
    for (const text of yes) phrases.push(compile(field, true, text));
    for (const text of no) phrases.push(compile(field, false, text));
  }
  for (const text of vocabulary.unrelated) phrases.push(compile(UNRELATED, true, text));
  for (const [field, values] of Object.entries(vocabulary.choices)) {
    for (const [value, texts] of Object.entries(values as Record<string, string[]>)) {
      for (const text of texts) phrases.push(compile(field, value, text));
    }
  }
  const regionNames = vocabulary.regions.names.map((n) => n.split(' ').map(normalWord));
  const known = new Set<string>(extraKnown);
  const stems = new Set<string>();
  for (const phrase of phrases) {
    for (const w of phrase.words) {
      if ('exact' in w) known.add(w.exact);
      if ('prefix' in w) stems.add(w.prefix);
    }
  }
  for (const name of regionNames) for (const w of name) known.add(w);
  return {
    phrases,
    regionNames,
    codePrefixes: new Set(vocabulary.regions.codePrefixes),
    codeDirections: new Set(vocabulary.regions.codeDirections),
    known,
    stems: [...stems],
  };
}

const defaultPath = dataPath('requirement-words.json');

/** Reads and checks the vocabulary file; a broken file throws an error naming the file and the problem. */
export function loadVocabulary(path: string = defaultPath): Vocabulary {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: cannot read the requirement words (${(err as Error).message})`);
  }
  const parsed = Vocabulary.safeParse(raw, checkedOnce);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${path}: the requirement words are not valid: ${problems}`);
  }
  return parsed.data;
}
