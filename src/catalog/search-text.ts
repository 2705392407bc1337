/**
 * Text normalization shared by the search index and its queries: both sides go through the same
 * functions, so "Little's law", "littles law" and "LittlesLaw" end up as the same words.
 */

/** Words that carry no meaning in a lookup ("what is the outbox pattern?" is about "outbox"). */
const fillerWords = [
  'a', 'an', 'the', 'what', 'whats', 'which', 'who', 'is', 'are', 'was', 'be', 'of', 'about', 'on', 'for', 'me', 'us',
  'i', 'we', 'you', 'tell', 'explain', 'describe', 'define', 'definition', 'meaning', 'mean', 'means', 'show',
  'how', 'does', 'do', 'did', 'can', 'work', 'works', 'working', 'please', 'info', 'information', 'give', 'know',
  'pattern', 'patterns', 'law', 'laws', 'primitive', 'primitives', 'capability', 'capabilities', 'concept',
];

/** Folds a word to a rough stem: trailing s's go, so plurals and possessives meet their base form. */
export function stem(word: string): string {
  let w = word;
  while (w.length > 3 && w.endsWith('s')) w = w.slice(0, -1);
  return w;
}

const filler = new Set(fillerWords.map(stem));

/** True for a (stemmed) word that a lookup ignores. */
export function isFiller(word: string): boolean {
  return filler.has(word);
}

/**
 * Splits text into lowercase stemmed words: camelCase and letter/digit runs are separated,
 * apostrophes vanish (possessives), every other non-alphanumeric separates.
 */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    // A lookahead, not `([A-Z]+)([A-Z][a-z])`: that one rescans a long run of capitals from every start (quadratic).
    .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
    .map(stem);
}

/** The words that matter: filler removed, unless nothing else is left. */
export function meaningfulWords(text: string): string[] {
  const all = words(text);
  const kept = all.filter((w) => !isFiller(w));
  return kept.length > 0 ? kept : all;
}

/** Keys under which a name (or a query) matches exactly-but-for-form: joined words, and word order ignored. */
export function looseKeys(text: string): string[] {
  const kept = meaningfulWords(text);
  if (kept.length === 0) return [];
  const joined = kept.join('');
  const sorted = [...kept].sort().join('');
  return joined === sorted ? [joined] : [joined, sorted];
}

/**
 * Similarity of two strings in 0..1 from their Damerau–Levenshtein (optimal string alignment)
 * distance: 1 means equal, and one typo in ten letters gives 0.9. Returns 0 as soon as the
 * similarity cannot exceed `atLeast`, which keeps comparisons of unrelated names cheap.
 */
export function similarity(a: string, b: string, atLeast = 0): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  const bound = Math.ceil((1 - atLeast) * longest) - 1;
  if (bound < 0 || Math.abs(a.length - b.length) > bound) return 0;
  const distance = editDistance(a, b, bound);
  return distance > bound ? 0 : 1 - distance / longest;
}

// One growing scratch matrix: lookups run many comparisons and must not allocate for each.
let scratch = new Uint16Array(1024);

/**
 * The Damerau–Levenshtein (optimal string alignment) distance of two strings; once it is sure
 * to exceed `bound` it stops and returns bound + 1.
 */
export function editDistance(a: string, b: string, bound = Infinity): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  if (scratch.length < rows * cols) scratch = new Uint16Array(rows * cols * 2);
  const d = scratch;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    const ai = a.charCodeAt(i - 1);
    let rowMin = d[i * cols]!;
    for (let j = 1; j < cols; j++) {
      const bj = b.charCodeAt(j - 1);
      let best = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > bound) return bound + 1;
  }
  return d[rows * cols - 1]!;
}
