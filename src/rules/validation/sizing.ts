import { majority, type Facts } from '../facts.ts';
import type { Requirements } from '../requirements.ts';
import { capacity } from './capacity.ts';

/** How big the chosen design is: what the checks and the cost estimate assume. */
export interface Sizing {
  has(primitive: string): boolean;
  capabilities: ReadonlySet<string>;
  partitions: number;
  /** Why that many partitions (formula with numbers). */
  partitionsExplain: string;
  replicas: number;
  replicasExplain: string;
  quorum: number;
  cacheNodes: number;
  peakWrites?: number;
  peakReads?: number;
  regions: number;
}

/** Sizes the design: partitions for the peak (per consensus group when P5 is there), replicas, quorum, cache nodes. */
export function sizeDesign(r: Requirements, facts: Facts, primitives: ReadonlySet<string>, capabilities: ReadonlySet<string>): Sizing {
  const has = (p: string) => primitives.has(p);
  const peakWrites = facts.peakWritesPerSec;
  const peakReads = facts.peakReadsPerSec;
  let partitions = 1;
  let partitionsExplain = 'no P1 in the design: one partition';
  if (has('P1')) {
    const byModel = facts.partitionsNeeded ?? 1;
    const byConsensus = has('P5') && peakWrites ? Math.ceil(peakWrites / (capacity.consensusWritesPerSec * capacity.headroom)) : 0;
    partitions = Math.max(byModel, byConsensus, 1);
    partitionsExplain =
      `max(⌈${peakWrites ?? 0} / (20000 × 0.7)⌉, ⌈${r.dataSizeGb ?? 0} GB / 2000⌉, 1) = ${byModel}` +
      (byConsensus ? `; one consensus group per partition at 10000 writes/s: ⌈${peakWrites} / (10000 × 0.7)⌉ = ${byConsensus}` : '');
  }
  const replicas = r.replicas ?? (has('P2') ? 3 : 1);
  const replicasExplain = r.replicas !== undefined ? `replicas = ${r.replicas} (given)` : has('P2') ? 'replicas = 3 (default with P2)' : 'replicas = 1 (no P2)';
  const quorum = has('P5') ? majority(replicas) : 1;
  const cacheNodes = has('P11') ? Math.max(1, Math.ceil((peakReads ?? 0) / (capacity.cacheNodeOpsPerSec * capacity.headroom))) : 0;
  return {
    has,
    capabilities,
    partitions,
    partitionsExplain,
    replicas,
    replicasExplain,
    quorum,
    cacheNodes,
    ...(peakWrites !== undefined ? { peakWrites } : {}),
    ...(peakReads !== undefined ? { peakReads } : {}),
    regions: r.regions ?? 1,
  };
}
