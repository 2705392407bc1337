/** The shortest word a typo is repaired in; shorter words are too easily another word. */
const MIN_LENGTH = 6;
const MAX_LENGTH = 24;

/**
 * Repairs one-letter typos (a letter missing, extra, wrong, or two swapped) against a set of known words,
 * by the symmetric-delete method: a word and a known word one edit apart share a one-letter deletion.
 * Each lookup costs time proportional to the word's length. Words that begin with a known stem
 * ("ledgers" for "ledger*") are left alone.
 */
export class TypoRepair {
  readonly #known: ReadonlySet<string>;
  readonly #stems: readonly string[];
  readonly #byDeletion = new Map<string, string[]>();

  constructor(known: ReadonlySet<string>, stems: readonly string[] = []) {
    this.#known = known;
    this.#stems = stems.filter((s) => s.length >= 3);
    for (const word of known) {
      if (word.length < MIN_LENGTH - 1 || word.length > MAX_LENGTH || !/^[a-z]+$/.test(word)) continue;
      for (const variant of [word, ...deletions(word)]) {
        const words = this.#byDeletion.get(variant) ?? [];
        if (!words.includes(word)) words.push(word);
        this.#byDeletion.set(variant, words);
      }
    }
  }

  /** The known word `word` is one edit away from, or `word` itself when it is known, ambiguous or unlike any. */
  repair(word: string): string {
    if (this.#known.has(word) || word.length < MIN_LENGTH || word.length > MAX_LENGTH) return word;
    if (this.#stems.some((stem) => word.startsWith(stem))) return word;
    const candidates = new Set<string>(this.#byDeletion.get(word) ?? []);
    for (const variant of deletions(word)) {
      if (this.#known.has(variant)) candidates.add(variant);
      for (const shared of this.#byDeletion.get(variant) ?? []) candidates.add(shared);
    }
    // A swapped or wrong letter first, then a letter left out, then one typed twice; a tie is ambiguous.
    for (const delta of [0, 1, -1]) {
      const fits = [...candidates].filter((c) => c.length - word.length === delta && c.length >= MIN_LENGTH - 1 && oneEdit(word, c));
      if (fits.length === 1) return fits[0]!;
      if (fits.length > 1) return word;
    }
    return word;
  }
}

/** True when `a` and `b` differ by one letter left out, added, changed, or two neighbours swapped. */
function oneEdit(a: string, b: string): boolean {
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length && diff.length < 3; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) return true;
    return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
