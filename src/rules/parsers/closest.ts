import { normalizeId } from '../../catalog/catalog.ts';

/** Up to `limit` candidates closest to `word` (edit distance on normalised ids, prefixes first). */
export function closest(word: string, candidates: readonly string[], limit = 3): string[] {
  const target = normalizeId(word.slice(0, 100));
  const scored = candidates.map((candidate) => {
    const id = normalizeId(candidate);
    const related = target.length >= 3 && (id.includes(target) || target.includes(id));
    return { candidate, score: distance(target, id) - (related ? id.length : 0) };
  });
  const cutoff = Math.max(1, Math.floor(target.length / 3));
  return scored
    .filter(({ score }) => score <= cutoff)
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
