import type { Check } from '../assessment.ts';
import { rttModel } from '../models/rtt.ts';
import { capacity, fmt, round } from './capacity.ts';
import type { Sizing } from './sizing.ts';

/**
 * The floor under the p99 write budget: a network hop, a consensus round (P5 adds 2–10 ms; the low
 * end is used), and light in fibre between regions when linearizable writes span regions.
 */
export function latencyCheck(s: Sizing, budgetMs: number | undefined): Check {
  const terms: string[] = [`network hop ${capacity.networkHopMs} ms`];
  let floor = capacity.networkHopMs;
  if (s.has('P5')) {
    floor += capacity.consensusWriteMs.low;
    terms.push(`P5 consensus round ${capacity.consensusWriteMs.low} ms (of 2–10 ms)`);
  }
  if (s.regions > 1 && s.capabilities.has('LinearizableWrite')) {
    const { minRttMs } = rttModel({ distanceKm: capacity.interRegionKm });
    floor += minRttMs;
    terms.push(`cross-region round trip 2 × ${capacity.interRegionKm} km / 200 km/ms = ${fmt(minRttMs)} ms (assuming ${capacity.interRegionKm} km between regions)`);
  }
  const formula = `write floor = ${terms.join(' + ')} = ${fmt(floor)} ms`;
  if (budgetMs === undefined) {
    return { id: 'latency', required: null, calculated: round(floor), unit: 'ms', pass: null, explain: `${formula}; no write latency budget given` };
  }
  const pass = floor <= budgetMs;
  return { id: 'latency', required: budgetMs, calculated: round(floor), unit: 'ms', pass, explain: `${formula} ${pass ? '≤' : '>'} p99 budget ${fmt(budgetMs)} ms` };
}

/** The floor under the p99 read budget: a cache hit with P11, else a network hop to the store. */
export function readLatencyCheck(s: Sizing, budgetMs: number): Check {
  const floor = s.has('P11') ? capacity.cacheHitMs : capacity.networkHopMs;
  const how = s.has('P11') ? `P11 cache hit ${capacity.cacheHitMs} ms` : `network hop ${capacity.networkHopMs} ms (no cache)`;
  const pass = floor <= budgetMs;
  return {
    id: 'read-latency',
    required: budgetMs,
    calculated: floor,
    unit: 'ms',
    pass,
    explain: `read floor = ${how} ${pass ? '≤' : '>'} p99 budget ${fmt(budgetMs)} ms${pass ? '' : '; add P11 (caching)'}`,
  };
}
