import type { Check } from '../assessment.ts';
import type { SizingDefaults } from '../costs.ts';
import { rttModel } from '../models/rtt.ts';
import { capacity, fmt, round } from './capacity.ts';
import type { Sizing } from './sizing.ts';

function judged(id: string, terms: string[], total: number, budget: number | undefined, what: string, advice: string): Check {
  const formula = `p99 ${what} = ${terms.join(' + ')} = ${fmt(round(total))} ms`;
  if (budget === undefined) return { id, required: null, calculated: round(total), unit: 'ms', pass: null, explain: `${formula}; no ${what} latency budget given` };
  const pass = total <= budget;
  return { id, required: budget, calculated: round(total), unit: 'ms', pass, explain: `${formula} ${pass ? '≤' : '>'} p99 budget ${fmt(budget)} ms${pass ? '' : `; ${advice}`}` };
}

/**
 * The p99 of a write from its path: hops client → entry → app → store, the store's p99, a synchronous
 * replica's acknowledgement, a consensus round when P5 is on the data path (up to 10 ms), a cross-region
 * round trip when strong writes span regions, and each synchronous dependency.
 */
export function latencyCheck(s: Sizing, budgetMs: number | undefined, d: SizingDefaults, dependencies: number): Check {
  const terms = [`3 hops × ${d.hopMs} ms`, `store write ${d.storeReadP99Ms} ms`];
  let total = 3 * d.hopMs + d.storeReadP99Ms;
  if (s.has('P2') && s.capabilities.has('LinearizableWrite')) {
    terms.push(`synchronous replica ${d.replicaAckMs} ms`);
    total += d.replicaAckMs;
  }
  if (s.consensus) {
    terms.push(`consensus round ${capacity.consensusWriteMs.high} ms (P5 adds 2–10 ms)`);
    total += capacity.consensusWriteMs.high;
  }
  if (s.regions > 1 && s.capabilities.has('LinearizableWrite')) {
    const { minRttMs } = rttModel({ distanceKm: d.interRegionKm });
    terms.push(`cross-region round trip 2 × ${d.interRegionKm} km / 200 km/ms = ${fmt(minRttMs)} ms`);
    total += minRttMs;
  }
  if (dependencies > 0) {
    terms.push(`${dependencies} dependencies × ${d.dependencyCallMs} ms`);
    total += dependencies * d.dependencyCallMs;
  }
  return judged('latency', terms, total, budgetMs, 'write', 'keep consensus and cross-region round trips off the write path, or call dependencies asynchronously');
}

/** The p99 of a read: hops, then a cache hit when the cache's hit ratio puts the p99 on hits (≥ 99 %), else the store's p99. */
export function readLatencyCheck(s: Sizing, budgetMs: number, d: SizingDefaults, dependencies: number): Check {
  const onHits = s.cacheNodes > 0 && s.cacheHitRatio >= 0.99;
  const terms = [`3 hops × ${d.hopMs} ms`, onHits ? `cache hit ${d.cacheReadP99Ms} ms (${s.cacheHitRatio * 100} % hits)` : `store read ${d.storeReadP99Ms} ms${s.cacheNodes > 0 ? ` (at ${s.cacheHitRatio * 100} % hits the p99 falls on misses)` : ''}`];
  let total = 3 * d.hopMs + (onHits ? d.cacheReadP99Ms : d.storeReadP99Ms);
  if (dependencies > 0) {
    terms.push(`${dependencies} dependencies × ${d.dependencyCallMs} ms`);
    total += dependencies * d.dependencyCallMs;
  }
  return judged('read-latency', terms, total, budgetMs, 'read', 'serve reads from a cache sized for 99 % hits');
}
