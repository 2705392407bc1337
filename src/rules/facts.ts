import { defaultCosts } from './costs.ts';
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
  'storedGb',
  'accumulatedGb',
  'servingGb',
  'readsBeyondPartitions',
  'deliveriesPerSec',
  'fanOutChoice',
  'largeObjects',
  'contentTier',
  'strongSpans',
  'ingestsEvents',
  'analyticsStore',
  'movesMoney',
] as const;

/** Facts about the finished design, for the rules of the design stage (technologies, warnings). */
export const designFactNames = ['capabilities', 'primitives', 'patterns', 'replicasUsed', 'replicasEven', 'components', 'analyticsIsRecord'] as const;

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
  /** The data size used for sizing: the larger of dataSizeGb and what the writes accumulate over the retention. */
  storedGb?: number;
  accumulatedGb?: number;
  /** The part of storedGb the store of record holds: with a content tier, bodies go to the object store and about 1 KB of metadata per item stays. */
  servingGb?: number;
  readsBeyondPartitions?: boolean;
  deliveriesPerSec?: number;
  fanOutChoice?: boolean;
  largeObjects?: boolean;
  contentTier?: boolean;
  strongSpans?: boolean;
  ingestsEvents?: boolean;
  analyticsStore?: boolean;
  movesMoney?: boolean;
};

/** Thresholds of the readings that decide derived facts (interface.md "Readings of the framework"). */
export const readingThresholds = {
  /** Items this large go to an object store behind a CDN. */
  largeObjectKb: 100,
  /** From this many recipients per write, fan-out on write or on read is a real choice. */
  fanOutRecipients: 1000,
  /** Or from this many deliveries a second in all (writes × fan-out). */
  fanOutDeliveriesPerSec: 100_000,
  /** Retention from which telemetry or analytics history gets a store of its own. */
  longRetentionDays: 90,
  /** Reads one partition's replicas carry. */
  readsPerPartition: 100_000,
} as const;

const SECONDS_PER_DAY = 86_400;

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
  if (r.writesPerSec !== undefined && r.objectSizeKb !== undefined && r.retentionDays !== undefined) {
    facts.accumulatedGb = (r.writesPerSec * r.objectSizeKb * r.retentionDays * SECONDS_PER_DAY) / 1e6;
  }
  if (r.dataSizeGb !== undefined || facts.accumulatedGb !== undefined) facts.storedGb = Math.max(r.dataSizeGb ?? 0, facts.accumulatedGb ?? 0);
  facts.largeObjects = (r.objectSizeKb ?? 0) >= readingThresholds.largeObjectKb;
  facts.contentTier = r.staticContent === true || facts.largeObjects;
  facts.ingestsEvents = (r.domain === 'iot' || r.domain === 'analytics') && (r.writesPerSec ?? 0) > 0;
  facts.analyticsStore = r.adHocQueries === true || ((r.domain === 'iot' || r.domain === 'analytics') && (r.retentionDays ?? 0) >= readingThresholds.longRetentionDays);
  if (facts.storedGb !== undefined) {
    const compression = defaultCosts().sizing.analyticsCompression;
    // Ingested events kept in a columnar or time-series store take about a tenth of their raw size there.
    if (facts.ingestsEvents && facts.analyticsStore) facts.servingGb = facts.storedGb / compression;
    else facts.servingGb = facts.contentTier && r.objectSizeKb !== undefined && r.objectSizeKb > 1 ? facts.storedGb / r.objectSizeKb : facts.storedGb;
  }
  if (r.writesPerSec !== undefined || facts.servingGb !== undefined) {
    facts.partitionsNeeded = partitionsModel({ writesPerSec: facts.peakWritesPerSec ?? 0, dataGb: facts.servingGb ?? 0 }).partitions;
  }
  if (facts.peakReadsPerSec !== undefined) {
    facts.readsBeyondPartitions = facts.peakReadsPerSec > readingThresholds.readsPerPartition * (facts.partitionsNeeded ?? 1);
  }
  if (r.fanOut !== undefined) {
    facts.deliveriesPerSec = (facts.peakWritesPerSec ?? 0) * r.fanOut;
    facts.fanOutChoice = r.fanOut >= readingThresholds.fanOutRecipients || facts.deliveriesPerSec >= readingThresholds.fanOutDeliveriesPerSec;
  }
  const spans = (facts.partitionsNeeded ?? 1) > 1 || (r.regions ?? 1) > 1;
  facts.strongSpans = facts.consistencyClass === 'strong' && spans;
  facts.movesMoney = r.domain === 'financial' || r.domain === 'ecommerce';
  if (r.availability !== undefined) {
    const needed = replicasFor(r.availability, nodeAvailability);
    if (needed !== undefined) facts.replicasNeeded = needed;
  }
  return facts;
}
