import type { Check } from '../assessment.ts';
import { throughputModel } from '../models/throughput.ts';
import { capacity, fmt, round } from './capacity.ts';
import type { Sizing } from './sizing.ts';

interface Bottleneck {
  label: string;
  value: number;
}

function writeBottlenecks(s: Sizing): Bottleneck[] {
  const list: Bottleneck[] = s.has('P1')
    ? [{ label: `P1 ${s.partitions} partitions × 20000`, value: s.partitions * capacity.partitionWritesPerSec }]
    : [{ label: 'one leader (one partition) 20000', value: capacity.partitionWritesPerSec }];
  if (s.consensus) {
    const groups = s.has('P1') ? s.partitions : 1;
    list.push({ label: `P5 ${groups} consensus group${groups > 1 ? 's' : ''} × 10000`, value: groups * capacity.consensusWritesPerSec });
  }
  return list;
}

function readBottlenecks(s: Sizing): Bottleneck[] {
  if (s.has('P11')) return [{ label: `P11 ${s.cacheNodes} cache node${s.cacheNodes > 1 ? 's' : ''} × 50000`, value: s.cacheNodes * capacity.cacheNodeOpsPerSec }];
  if (s.has('P1')) return [{ label: `P1 ${s.partitions} partitions × 100000`, value: s.partitions * capacity.partitionReadsPerSec }];
  return [{ label: `one partition's replicas 100000`, value: capacity.partitionReadsPerSec }];
}

function rateCheck(id: string, what: string, required: number | undefined, requiredExplain: string, bottlenecks: Bottleneck[]): Check {
  const calculated = throughputModel({ bottlenecks: bottlenecks.map((b) => b.value), headroom: capacity.headroom }).throughput;
  const terms = bottlenecks.map((b) => `${b.label} = ${fmt(b.value)}`).join(', ');
  const formula = `capacity = min(${terms}) × 0.7 = ${fmt(calculated)} ${what}/s`;
  if (required === undefined) {
    return { id, required: null, calculated: round(calculated), unit: `${what}/s`, pass: null, explain: `${formula}; no ${what} rate given` };
  }
  const pass = calculated >= required;
  return {
    id,
    required: round(required),
    calculated: round(calculated),
    unit: `${what}/s`,
    pass,
    explain: `${formula} ${pass ? '≥' : '<'} required ${requiredExplain}`,
  };
}

/** The write throughput the design's primitives sustain at 0.7 headroom, against the peak write rate. */
export function throughputCheck(s: Sizing, writesPerSec: number | undefined, peakFactor: number): Check {
  const requiredExplain = `${fmt(writesPerSec ?? 0)} × peakFactor ${fmt(peakFactor)} = ${fmt(s.peakWrites ?? 0)}`;
  const check = rateCheck('throughput', 'writes', s.peakWrites, requiredExplain, writeBottlenecks(s));
  if (!check.pass) check.explain += s.has('P1') ? '; add partitions' : '; add P1 (partitioning) or move consensus off the write path';
  return check;
}

/** The read throughput (cache nodes, partitions or copies), against the peak read rate; only when reads are given. */
export function readThroughputCheck(s: Sizing, readsPerSec: number, peakFactor: number): Check {
  const requiredExplain = `${fmt(readsPerSec)} × peakFactor ${fmt(peakFactor)} = ${fmt(s.peakReads ?? 0)}`;
  return rateCheck('read-throughput', 'reads', s.peakReads, requiredExplain, readBottlenecks(s));
}

/** The partitions the peak and the data size need, against those the design has. */
export function partitionsCheck(s: Sizing, needed: number): Check {
  const pass = s.partitions >= needed;
  return {
    id: 'partitions',
    required: needed,
    calculated: s.partitions,
    unit: 'partitions',
    pass,
    explain: `partitions = ${s.partitionsExplain}`,
  };
}
