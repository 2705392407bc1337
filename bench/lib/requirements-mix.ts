import { booleanFields, consistencies, domains, orderings, Requirements } from '../../src/rules/requirements.ts';
import { pick, seededRandom } from './stats.ts';

/**
 * `count` varied, valid requirement sets from a fixed seed: each answers a random subset of the
 * fields (from a couple to all of them) with plausible values, so assess exercises many rule paths.
 */
export function requirementsMix(count: number, seed = 2): Requirements[] {
  const random = seededRandom(seed);
  const maybe = (p: number) => random() < p;
  const out: Requirements[] = [];
  for (let i = 0; i < count; i++) {
    const fill = 0.2 + 0.8 * random();
    const r: Record<string, unknown> = { name: `design ${i}` };
    if (maybe(fill)) r.domain = pick(random, domains);
    if (maybe(fill)) r.consistency = pick(random, consistencies);
    if (r.consistency === 'bounded-staleness' || maybe(fill / 4)) r.stalenessBoundSec = pick(random, [1, 5, 30]);
    if (maybe(fill)) r.readsPerSec = Math.round(10 ** (1 + 5 * random()));
    if (maybe(fill)) r.writesPerSec = Math.round(10 ** (1 + 5 * random()));
    if (maybe(fill)) r.peakFactor = pick(random, [1, 2, 3, 10]);
    if (maybe(fill)) r.dataSizeGb = Math.round(10 ** (4 * random()));
    if (maybe(fill)) r.availability = pick(random, [0.99, 0.999, 0.9999, 0.99999]);
    if (maybe(fill / 2)) r.nodeAvailability = pick(random, [0.99, 0.995, 0.999]);
    if (maybe(fill / 2)) r.replicas = pick(random, [1, 2, 3, 5, 7]);
    if (maybe(fill)) r.readLatencyMs = pick(random, [0.5, 5, 50, 200]);
    if (maybe(fill)) r.writeLatencyMs = pick(random, [5, 50, 300]);
    if (maybe(fill)) r.regions = pick(random, [1, 2, 3, 5]);
    if (maybe(fill)) r.rpoSec = pick(random, [0, 1, 60]);
    if (maybe(fill)) r.rtoSec = pick(random, [10, 60, 600]);
    if (maybe(fill)) r.budgetUsdPerMonth = pick(random, [500, 5000, 50000]);
    if (maybe(fill)) r.ordering = pick(random, orderings);
    for (const field of booleanFields) if (maybe(fill)) r[field] = maybe(0.5);
    if (maybe(fill / 2)) r.queryShapes = pick(random, [1, 3, 20]);
    if (Object.keys(r).length === 1) r.domain = pick(random, domains);
    out.push(Requirements.parse(r));
  }
  return out;
}
