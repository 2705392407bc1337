import { editDistance } from './search-text.ts';

/** The words of one document: those of its names (fuzzy-matched) and those of its text (exact). */
export interface TermDoc {
  names: readonly string[];
  text: readonly string[];
}

/** How well a query word matched a document: 1 exact, less for a prefix or a typo. */
export type Matches = Map<number, number>;

const prefixWeight = 0.8;

function addPosting(map: Map<string, number[]>, word: string, doc: number): void {
  const list = map.get(word);
  if (!list) map.set(word, [doc]);
  else if (list[list.length - 1] !== doc) list.push(doc);
}

/** Every string made by deleting up to `depth` characters of `word` (the word itself included). */
function deletions(word: string, depth: number, out = new Set<string>()): Set<string> {
  out.add(word);
  if (depth === 0 || word.length <= 1) return out;
  for (let i = 0; i < word.length; i++) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    if (!out.has(shorter)) deletions(shorter, depth - 1, out);
  }
  return out;
}

/** Typos tolerated in a word of this length: none below 4 letters, 2 from 8. */
function maxTypos(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/**
 * An inverted index tuned for a catalog of a few hundred entries. Name words match exactly, by
 * prefix, or with typos through a symmetric-delete table (the SymSpell idea: a typo of distance
 * d shares a d-deletion variant with the word), so a fuzzy lookup costs a few map reads
 * instead of a scan of the vocabulary. Text words match exactly, weighted by rarity (idf).
 */
export class TermIndex {
  private readonly names = new Map<string, number[]>();
  private readonly sortedNames: string[];
  private variantTable: Map<string, string[]> | undefined;
  private readonly text = new Map<string, number[]>();
  private readonly docCount: number;
  /** No query word longer than this by more than its typos can be a typo of a name word. */
  private readonly longestName: number;

  constructor(docs: readonly TermDoc[]) {
    this.docCount = docs.length;
    docs.forEach((doc, i) => {
      for (const word of doc.names) addPosting(this.names, word, i);
      for (const word of doc.text) addPosting(this.text, word, i);
    });
    this.sortedNames = [...this.names.keys()].sort();
    this.longestName = this.sortedNames.reduce((most, w) => Math.max(most, w.length), 0);
  }

  /**
   * The deletion variants of every name word, built on the first query that needs typo matching:
   * it is most of the index's build time, and start-up should not wait for it.
   */
  private get variants(): Map<string, string[]> {
    if (this.variantTable) return this.variantTable;
    const table = new Map<string, string[]>();
    for (const word of this.sortedNames) {
      // A word may meet a query word up to two letters longer, so it needs one more level of deletions.
      const depth = Math.min(2, maxTypos(word.length + 2));
      if (maxTypos(word.length) === 0 && depth === 0) continue;
      for (const variant of deletions(word, depth)) {
        const list = table.get(variant);
        if (!list) table.set(variant, [word]);
        else list.push(word);
      }
    }
    this.variantTable = table;
    return table;
  }

  /** Documents whose names contain `word`, exactly (1), as a prefix (0.8) or with typos (less). */
  matchName(word: string): Matches {
    const found: Matches = new Map();
    const give = (w: string, weight: number): void => {
      for (const doc of this.names.get(w) ?? []) if ((found.get(doc) ?? 0) < weight) found.set(doc, weight);
    };
    give(word, 1);
    if (word.length >= 3) {
      for (let i = lowerBound(this.sortedNames, word); i < this.sortedNames.length; i++) {
        const w = this.sortedNames[i]!;
        if (!w.startsWith(word)) break;
        if (w !== word) give(w, prefixWeight);
      }
    }
    const typos = maxTypos(word.length);
    // A typo changes the length by at most `typos`, so a longer word meets no name word: skipping it
    // loses nothing and keeps the deletion variants (quadratic in the length) of a small word only.
    if (typos > 0 && word.length <= this.longestName + typos) {
      const seen = new Set<string>();
      const variants = this.variants;
      for (const variant of deletions(word, typos)) {
        for (const w of variants.get(variant) ?? []) {
          if (seen.has(w) || w === word) continue;
          seen.add(w);
          const distance = editDistance(word, w, typos);
          if (distance <= typos) give(w, 0.9 - 0.15 * distance);
        }
      }
    }
    return found;
  }

  /** Documents whose text contains `word`, weighted by how rare the word is. */
  matchText(word: string): Matches {
    const docs = this.text.get(word) ?? [];
    const idf = Math.log(1 + this.docCount / Math.max(1, docs.length));
    return new Map(docs.map((doc) => [doc, idf]));
  }
}

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
