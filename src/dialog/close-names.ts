import { normalizeId } from '../catalog/catalog.ts';

/** Edit distance between two strings (insert, delete, substitute each cost 1). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The candidates closest to `word` (compared normalized), best first; at most `limit`. */
export function closeNames(word: string, candidates: readonly string[], limit = 3): string[] {
  const target = normalizeId(word);
  return candidates
    .map((name) => {
      const n = normalizeId(name);
      const longest = Math.max(n.length, target.length, 1);
      const apart = Math.abs(n.length - target.length);
      // When one holds the other the distance is the length difference; otherwise it is at least that,
      // so a pair too far apart in length is dropped without the quadratic comparison.
      if (n.includes(target) || target.includes(n)) return { name, score: apart / longest - 0.5 };
      return { name, score: apart / longest >= 0.6 ? 1 : distance(target, n) / longest };
    })
    .filter((c) => c.score < 0.6)
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((c) => c.name);
}
