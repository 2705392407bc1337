import type { Clause } from './clauses.ts';
import type { Lexicon, Phrase, PhraseWord } from './lexicon.ts';

/** A phrase found in a clause, over words `from`..`to` (indices into `clause.words`, `to` exclusive). */
export interface PhraseMatch {
  phrase: Phrase;
  from: number;
  to: number;
}

/** Phrases indexed by their first word (exact words in a map, prefixes in a list), built once per lexicon. */
export interface PhraseIndex {
  exact: Map<string, Phrase[]>;
  prefixed: Phrase[];
}

/** Indexes the lexicon's phrases by their first word. */
export function indexPhrases(lexicon: Lexicon): PhraseIndex {
  const exact = new Map<string, Phrase[]>();
  const prefixed: Phrase[] = [];
  for (const phrase of lexicon.phrases) {
    const first = phrase.words[0];
    if (first === undefined || 'gap' in first) continue;
    if ('exact' in first) exact.set(first.exact, [...(exact.get(first.exact) ?? []), phrase]);
    else prefixed.push(phrase);
  }
  return { exact, prefixed };
}

/** The normalised words of a clause; a number is "#". */
export function clauseWords(clause: Clause): string[] {
  return clause.words.map((i) => {
    const t = clause.tokens[i]!;
    return t.kind === 'number' ? '#' : t.lower;
  });
}

function wordMatches(pattern: PhraseWord, word: string): boolean {
  if ('exact' in pattern) return pattern.exact === word;
  if ('prefix' in pattern) return word !== '#' && word.startsWith(pattern.prefix);
  return true;
}

/** Where the phrase ends when it starts at `at`, or -1. A gap takes 0 to 2 words; phrases hold few gaps, so work stays bounded. */
function matchAt(words: PhraseWord[], k: number, text: string[], at: number): number {
  if (k === words.length) return at;
  const pattern = words[k]!;
  if ('gap' in pattern) {
    for (let skip = 0; skip <= 2 && at + skip <= text.length; skip++) {
      const end = matchAt(words, k + 1, text, at + skip);
      if (end !== -1) return end;
    }
    return -1;
  }
  if (at >= text.length || !wordMatches(pattern, text[at]!)) return -1;
  return matchAt(words, k + 1, text, at + 1);
}

/**
 * Finds the lexicon's phrases in a clause; where phrases overlap, the longest wins ("causal order" over
 * "causal", "single tenant" over "tenant"), then the earliest.
 */
export function findPhrases(text: string[], index: PhraseIndex): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  for (let at = 0; at < text.length; at++) {
    const word = text[at]!;
    const candidates = [...(index.exact.get(word) ?? []), ...index.prefixed.filter((p) => wordMatches(p.words[0]!, word))];
    for (const phrase of candidates) {
      const end = matchAt(phrase.words, 0, text, at);
      if (end !== -1) found.push({ phrase, from: at, to: end });
    }
  }
  found.sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
  const taken: PhraseMatch[] = [];
  for (const match of found) {
    if (taken.some((t) => match.from < t.to && t.from < match.to)) continue;
    taken.push(match);
  }
  return taken.sort((a, b) => a.from - b.from);
}
