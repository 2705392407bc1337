import type { Obligation } from '../catalog/schema.ts';
import type { Assessment } from './assessment.ts';
import type { CatalogIndex } from './catalog-index.ts';

type Entry = Assessment['obligations'][number];

/** At most this many proof obligations are listed; chosen patterns come first, so they are never cut for an invariant. */
export const obligationCap = 12;

const trimDot = (s: string) => s.replace(/\.\s*$/, '');
const howAndWhen = (o: Obligation) => `${o.method} (${trimDot(o.frequency)}; alert: ${trimDot(o.alert)})`;

/**
 * The proof obligations of a design, without repeats: one per chosen pattern (its own obligation
 * joined with the catalog's `<pattern>-proof` method), then the capability-family proofs
 * (linearizability, availability, latency, durability, staleness) that concern a chosen item, then
 * the invariants that do, at most `cap`. `patterns` and `chosen` come most relevant first.
 */
export function selectObligations(
  patterns: readonly string[],
  chosen: readonly string[],
  index: CatalogIndex,
  cap = obligationCap,
): Entry[] {
  const used = new Set<string>();
  const perPattern: Entry[] = [];
  for (const id of patterns) {
    const pattern = index.pattern(id);
    if (!pattern) continue;
    const proof = index.obligations(id).find((o) => o.id === `${id}-proof`);
    // A pattern's proof may name invariants it already covers (leader-follower: one leader per term).
    for (const covered of proof ? [proof.id, ...proof.related] : []) used.add(covered);
    perPattern.push({ pattern: id, text: proof ? `${trimDot(pattern.proofObligation)}. How: ${howAndWhen(proof)}` : pattern.proofObligation });
  }

  const families: Entry[] = [];
  const invariants: Entry[] = [];
  for (const id of chosen) {
    for (const o of index.obligations(id)) {
      if (used.has(o.id)) continue;
      // Another pattern's proof (its pattern is not chosen) is no obligation of this design.
      if (o.id.endsWith('-proof') && index.pattern(o.id.slice(0, -'-proof'.length))) continue;
      used.add(o.id);
      (o.id.endsWith('-proof') ? families : invariants).push({ pattern: id, text: `${o.name}: ${howAndWhen(o)}` });
    }
  }

  const texts = new Set<string>();
  return [...perPattern, ...families, ...invariants]
    .filter((o) => !texts.has(o.text) && Boolean(texts.add(o.text)))
    .slice(0, cap);
}
