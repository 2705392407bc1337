import { availabilityModel } from './models/availability.ts';
import { partitionsModel } from './models/partitions.ts';
import { requirementFields, type Requirements } from './requirements.ts';

/** The consistency classes of the framework's classifier (interface.md "Readings"). */
export type ConsistencyClass = 'strong' | 'causal' | 'eventual' | 'latency-first' | 'none';

/** Defaults the framework assumes when an answer is missing. */
export const factDefaults = { peakFactor: 1, nodeAvailability: 0.995 } as const;

/** Facts computed from the answers before the rules run; rules may test them like answers. */
export const derivedFactNames = [
  'peakWritesPerSec',
  'peakReadsPerSec',
  'readWriteRatio',
  'partitionsNeeded',
  'replicasNeeded',
  'consistencyClass',
  'consistencyOrigin',
] as const;

/** Facts about the finished design, for the rules of the design stage (technologies, warnings). */
export const designFactNames = ['capabilities', 'primitives', 'patterns', 'replicasUsed', 'replicasEven'] as const;

/** Every fact a requirements-stage rule may name. */
export const requirementStageFacts: ReadonlySet<string> = new Set<string>([...requirementFields, ...derivedFactNames]);
/** Every fact a design-stage rule may name. */
export const designStageFacts: ReadonlySet<string> = new Set<string>([...requirementStageFacts, ...designFactNames]);

/** The fact set handed to the rules engine: the answers (with defaults) and what is derived from them. */
export type Facts = Record<string, unknown> & {
  peakFactor: number;
  nodeAvailability: number;
  peakWritesPerSec?: number;
  peakReadsPerSec?: number;
  readWriteRatio?: number;
  partitionsNeeded?: number;
  replicasNeeded?: number;
  consistencyClass: ConsistencyClass;
  consistencyOrigin: string;
};

const classOfConsistency: Record<NonNullable<Requirements['consistency']>, ConsistencyClass> = {
  linearizable: 'strong',
  serializable: 'strong',
  causal: 'causal',
  'read-your-writes': 'eventual',
  'bounded-staleness': 'eventual',
  eventual: 'eventual',
};

const classOfDomain: Record<NonNullable<Requirements['domain']>, ConsistencyClass> = {
  financial: 'strong',
  ecommerce: 'strong',
  social: 'eventual',
  content: 'eventual',
  analytics: 'eventual',
  iot: 'eventual',
  messaging: 'causal',
  gaming: 'latency-first',
  general: 'none',
};

/** An explicit `consistency` wins over the domain (interface.md "Readings"). */
function consistencyOf(r: Requirements): { consistencyClass: ConsistencyClass; consistencyOrigin: string } {
  if (r.consistency) return { consistencyClass: classOfConsistency[r.consistency], consistencyOrigin: `consistency = ${r.consistency}` };
  if (r.domain) return { consistencyClass: classOfDomain[r.domain], consistencyOrigin: `domain = ${r.domain}` };
  return { consistencyClass: 'none', consistencyOrigin: 'no consistency or domain given' };
}

/** The smallest replica count (up to 15) whose availability with k of n up meets the target. */
export function replicasFor(target: number, node: number, quorum: (n: number) => number = () => 1): number | undefined {
  for (let n = 1; n <= 15; n++) {
    if (availabilityModel({ node, replicas: n, quorum: quorum(n) }).availability >= target) return n;
  }
  return undefined;
}

/** Majority of n voters: ⌊n/2⌋+1. */
export function majority(n: number): number {
  return Math.floor(n / 2) + 1;
}

/** Computes the facts the rules see from validated requirements. */
export function deriveFacts(r: Requirements): Facts {
  const peakFactor = r.peakFactor ?? factDefaults.peakFactor;
  const nodeAvailability = r.nodeAvailability ?? factDefaults.nodeAvailability;
  const facts: Facts = { ...r, peakFactor, nodeAvailability, ...consistencyOf(r) };
  if (r.writesPerSec !== undefined) facts.peakWritesPerSec = r.writesPerSec * peakFactor;
  if (r.readsPerSec !== undefined) facts.peakReadsPerSec = r.readsPerSec * peakFactor;
  if (r.readsPerSec !== undefined && r.writesPerSec !== undefined) {
    facts.readWriteRatio = r.writesPerSec === 0 ? (r.readsPerSec > 0 ? Infinity : 0) : r.readsPerSec / r.writesPerSec;
  }
  if (r.writesPerSec !== undefined || r.dataSizeGb !== undefined) {
    facts.partitionsNeeded = partitionsModel({ writesPerSec: facts.peakWritesPerSec ?? 0, dataGb: r.dataSizeGb ?? 0 }).partitions;
  }
  if (r.availability !== undefined) {
    const needed = replicasFor(r.availability, nodeAvailability);
    if (needed !== undefined) facts.replicasNeeded = needed;
  }
  return facts;
}
