import type { SizedArchitecture } from '../architecture/build-architecture.ts';
import type { Assessment } from '../assessment.ts';
import type { CostTable } from '../costs.ts';
import type { Facts } from '../facts.ts';
import type { Requirements } from '../requirements.ts';
import { availabilityCheck, votersCheck } from './availability.ts';
import { costCheck } from './cost.ts';
import { latencyCheck, readLatencyCheck } from './latency.ts';
import { sizeDesign } from './sizing.ts';
import { partitionsCheck, readThroughputCheck, throughputCheck } from './throughput.ts';

/**
 * Validates a design with numbers from its sized architecture: throughput, availability, latency and
 * cost always; read throughput, read latency, partitions and consensus voters when they apply. A check
 * without a target is not judged (pass null); the design passes when no judged check fails.
 */
export function validateDesign(
  r: Requirements,
  facts: Facts,
  primitives: readonly string[],
  capabilities: readonly string[],
  costs: CostTable,
  arch: SizedArchitecture,
): Assessment['validation'] {
  const s = sizeDesign(r, facts, new Set(primitives), new Set(capabilities), arch);
  const d = costs.sizing;
  const dependencies = r.dependencies ?? 0;
  const checks = [throughputCheck(s, r.writesPerSec, facts.peakFactor)];
  if (r.readsPerSec !== undefined) checks.push(readThroughputCheck(s, r.readsPerSec, facts.peakFactor));
  if (s.has('P1') && facts.partitionsNeeded !== undefined) checks.push(partitionsCheck(s, facts.partitionsNeeded));
  checks.push(availabilityCheck(s, r.availability, facts.nodeAvailability, d, { zones: r.availabilityZones, dependencies, dependenciesOffPath: arch.dependenciesOffPath }));
  if (s.consensus) checks.push(votersCheck(s));
  checks.push(latencyCheck(s, r.writeLatencyMs, d, dependencies));
  if (r.readLatencyMs !== undefined) checks.push(readLatencyCheck(s, r.readLatencyMs, d, dependencies));
  checks.push(costCheck(arch.costItems, r.budgetUsdPerMonth));
  return { pass: checks.every((c) => c.pass !== false), checks };
}
