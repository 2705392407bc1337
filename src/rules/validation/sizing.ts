import type { SizedArchitecture } from '../architecture/build-architecture.ts';
import type { Facts } from '../facts.ts';
import type { Requirements } from '../requirements.ts';

/** How big the chosen design is: what the checks assume, read from the sized architecture. */
export interface Sizing {
  has(primitive: string): boolean;
  capabilities: ReadonlySet<string>;
  partitions: number;
  /** Why that many partitions (formula with numbers). */
  partitionsExplain: string;
  replicas: number;
  replicasExplain: string;
  quorum: number;
  /** True when consensus (P5) runs on the store's data path. */
  consensus: boolean;
  cacheNodes: number;
  cacheHitRatio: number;
  appNodes: number;
  peakWrites?: number;
  peakReads?: number;
  regions: number;
}

/** The sizing the checks read, from the architecture the builder sized. */
export function sizeDesign(r: Requirements, facts: Facts, primitives: ReadonlySet<string>, capabilities: ReadonlySet<string>, arch: SizedArchitecture): Sizing {
  const { store } = arch;
  const peakWrites = facts.peakWritesPerSec;
  const peakReads = facts.peakReadsPerSec;
  const byModel = facts.partitionsNeeded ?? 1;
  const partitionsExplain =
    `max(⌈${peakWrites ?? 0} / (20000 × 0.7)⌉, ⌈${Math.round(facts.servingGb ?? 0)} GB / 2000⌉, 1) = ${byModel}` +
    (store.partitions > byModel ? `; one consensus group per partition at 10000 writes/s: ⌈${peakWrites} / (10000 × 0.7)⌉ = ${store.partitions}` : '');
  const replicasExplain = r.replicas !== undefined ? `replicas = ${r.replicas} (given)` : primitives.has('P2') ? 'replicas = 3 (default with P2)' : 'replicas = 1 (no P2)';
  return {
    has: (p) => primitives.has(p),
    capabilities,
    partitions: store.partitions,
    partitionsExplain,
    replicas: store.replicas,
    replicasExplain,
    quorum: store.quorum,
    consensus: store.consensus,
    cacheNodes: arch.cache?.nodes ?? 0,
    cacheHitRatio: arch.cache?.hitRatio ?? 0,
    appNodes: arch.appNodes,
    ...(peakWrites !== undefined ? { peakWrites } : {}),
    ...(peakReads !== undefined ? { peakReads } : {}),
    regions: r.regions ?? 1,
  };
}
