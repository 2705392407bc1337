import type { Token } from './tokens.ts';

/** A stretch of a description between clause-ending punctuation: the unit a negation or a unit word reaches over. */
export interface Clause {
  /** The clause's tokens, in order. */
  tokens: Token[];
  /** Index of each word and number token in `tokens` (symbols left out), for phrase matching. */
  words: number[];
}

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
  const close = (): void => {
    if (current.length > 0) clauses.push(withWords(current));
    current = [];
  };
  tokens.forEach((t, i) => {
    if (t.kind === 'symbol' && (ENDS.has(t.text) || isDash(tokens, i))) close();
    else current.push(t);
  });
  close();
  return clauses;
}

function withWords(tokens: Token[]): Clause {
  const words: number[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'symbol') words.push(i);
  });
  return { tokens, words };
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
