/** One piece of a description: a number, a word, or a single symbol such as `%`, `$`, `/` or `,`. */
export interface Token {
  kind: 'number' | 'word' | 'symbol';
  /** As typed (after Unicode folding). */
  text: string;
  /** Lower case; for words, corrected to a known word when it was one typo away. */
  lower: string;
  /** The number's value (numbers only). */
  value: number;
  /** True when nothing separates this token from the one before ("ms" in "50ms", "k" in "3k"). */
  glued: boolean;
  /** Offset of the token's first character in the folded text. */
  start: number;
}

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === 'µ' || c === 'μ';

/** Folds look-alike characters (non-breaking spaces, dashes, curly quotes, ≤ ≥) so the reader sees one spelling. */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\t\r]/g, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\u00d7/g, 'x')
    .replace(/\u2264/g, '<=')
    .replace(/\u2265/g, '>=');
}

/**
 * Splits folded text into tokens in one left-to-right pass (linear in the text's length).
 * Numbers keep thousands separators ("20,000", "3 000") and decimals; a hyphen inside a compound word
 * is a symbol of its own, so "multi-tenant" reads as "multi - tenant".
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let glued = false;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === ' ') {
      glued = false;
      i++;
      continue;
    }
    const start = i;
    if (c === '\n') {
      // A line break ends a clause like a semicolon does.
      tokens.push({ kind: 'symbol', text: ';', lower: ';', value: Number.NaN, glued: false, start });
      glued = false;
      i++;
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(text.charAt(i + 1)) && !isLetter(text.charAt(i - 1)))) {
      i = readNumberEnd(text, i);
      const raw = text.slice(start, i);
      tokens.push({ kind: 'number', text: raw, lower: raw, value: Number(raw.replace(/[, ]/g, '')), glued, start });
    } else if (isLetter(c)) {
      while (i < text.length && (isLetter(text.charAt(i)) || isDigit(text.charAt(i)) || (text.charAt(i) === "'" && isLetter(text.charAt(i + 1))))) i++;
      const raw = text.slice(start, i);
      tokens.push({ kind: 'word', text: raw, lower: raw.toLowerCase(), value: Number.NaN, glued, start });
    } else {
      i++;
      tokens.push({ kind: 'symbol', text: c, lower: c, value: Number.NaN, glued, start });
    }
    glued = true;
  }
  return tokens;
}

/** The end of the number starting at `i`: digits, thousands groups, one decimal part, an exponent. */
function readNumberEnd(text: string, i: number): number {
  const digitsFrom = (k: number): number => {
    while (k < text.length && isDigit(text.charAt(k))) k++;
    return k;
  };
  const groupAt = (k: number): boolean =>
    isDigit(text.charAt(k + 1)) && isDigit(text.charAt(k + 2)) && isDigit(text.charAt(k + 3)) && !isDigit(text.charAt(k + 4));
  let end = digitsFrom(i);
  const lead = end - i;
  if (lead > 0 && lead <= 3) {
    const separator = text.charAt(end);
    if ((separator === ',' || separator === ' ') && groupAt(end)) {
      while (text.charAt(end) === separator && groupAt(end)) end += 4;
    }
  }
  if (text.charAt(end) === '.' && isDigit(text.charAt(end + 1))) end = digitsFrom(end + 1);
  const e = text.charAt(end);
  if ((e === 'e' || e === 'E') && !isLetter(text.charAt(end + 1))) {
    const sign = text.charAt(end + 1) === '+' || text.charAt(end + 1) === '-' ? 1 : 0;
    if (isDigit(text.charAt(end + 1 + sign))) end = digitsFrom(end + 1 + sign);
  }
  return end;
}
