/**
 * A decimal number as people type it: `20000`, `20,000`, `20 000`, `1.5`, `.5`, `2e4`. At most six groups of
 * thousands (10^21): a pattern searching text then tries a bounded number of groups from each start, where an
 * unbounded `(?: \d{3})+` made "0 000 000 …" quadratic (each group a new start).
 */
export const NUMBER_PATTERN = String.raw`(?:\d{1,3}(?:,\d{3}){1,6}|\d{1,3}(?: \d{3}){1,6}|\d+)(?:\.\d+)?(?:e[+-]?\d{1,3})?|\.\d+(?:e[+-]?\d{1,3})?`;

const SCALE: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

const WORDS: Record<string, number> = {
  zero: 0, one: 1, a: 1, an: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8,
  nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
};

const PLAIN = new RegExp(`^(${NUMBER_PATTERN})$`);
const SCALED = new RegExp(`^(${NUMBER_PATTERN}) ?(k|thousand|mm|mn|million|m|bn|billion|b)?$`);

/** Reads a plain decimal (no scale words); undefined when the text is not one. Input is already prepared. */
export function readPlain(text: string): number | undefined {
  const match = PLAIN.exec(text);
  if (!match?.[1]) return undefined;
  return finite(Number(match[1].replace(/[, ]/g, '')));
}

/**
 * Reads a number with an optional scale (`20k`, `1.5M`, `2 billion`) or a small number word
 * (`three`); undefined when the text is not one. Input is already prepared (lower case, trimmed).
 */
export function readScaled(text: string): number | undefined {
  const word = Object.hasOwn(WORDS, text) ? WORDS[text] : undefined;
  if (word !== undefined) return word;
  const match = SCALED.exec(text);
  if (!match?.[1]) return undefined;
  const base = Number(match[1].replace(/[, ]/g, ''));
  const scale = match[2] ? (SCALE[match[2]] ?? 1) : 1;
  return finite(base * scale);
}

function finite(value: number): number | undefined {
  return Number.isFinite(value) ? value : undefined;
}
