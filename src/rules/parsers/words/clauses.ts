import type { Token } from './tokens.ts';

/** A stretch of a description between clause-ending punctuation: the unit a negation or a unit word reaches over. */
export interface Clause {
  /** The clause's tokens, in order. */
  tokens: Token[];
  /** Index of each word and number token in `tokens` (symbols left out), for phrase matching. */
  words: number[];
  /** True when the clause ends a sentence (a full stop, ! ? ; a line break, or the end of the text). */
  endsSentence: boolean;
}

const SENTENCE_ENDS = new Set(['.', '!', '?', ';']);

const ENDS = new Set([',', ';', '.', '!', '?', '(', ')', '[', ']', '|']);

/** A free-standing dash (" - ", " — ") separates clauses; a hyphen inside "multi-tenant" or "2-5k" does not. */
function isDash(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  return t.text === '-' && !t.glued && tokens[i + 1]?.glued !== true;
}

/** Splits tokens into clauses at , ; . ! ? brackets, line breaks and free-standing dashes. */
export function splitClauses(tokens: Token[]): Clause[] {
  const clauses: Clause[] = [];
  let current: Token[] = [];
  const close = (endsSentence: boolean): void => {
    if (current.length > 0) clauses.push(withWords(current, endsSentence));
    else if (endsSentence && clauses.length > 0) clauses[clauses.length - 1]!.endsSentence = true;
    current = [];
  };
  tokens.forEach((t, i) => {
    if (t.kind === 'symbol' && (ENDS.has(t.text) || isDash(tokens, i))) close(SENTENCE_ENDS.has(t.text));
    else current.push(t);
  });
  close(true);
  return clauses;
}

function withWords(tokens: Token[], endsSentence: boolean): Clause {
  const words: number[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'symbol') words.push(i);
  });
  return { tokens, words, endsSentence };
}

/** The clause's text as typed, for showing what was read or skipped. */
export function clauseText(clause: Clause, from = 0, to = clause.tokens.length): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const t = clause.tokens[i]!;
    out += (i > from && !t.glued ? ' ' : '') + t.text;
  }
  return out;
}
