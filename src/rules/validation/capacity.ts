/** The capacity figures Quorum reads from the framework (interface.md "Readings of the framework"). */
export const capacity = {
  /** Writes per second one partition (P1) takes. */
  partitionWritesPerSec: 20_000,
  /** Reads per second one partition with its replicas serves. */
  partitionReadsPerSec: 100_000,
  /** Writes (or reads) per second a single leader takes without P1. */
  singleLeaderOpsPerSec: 50_000,
  /** Writes per second one consensus group (P5) commits. */
  consensusWritesPerSec: 10_000,
  /** Operations per second one cache node (P11) serves. */
  cacheNodeOpsPerSec: 50_000,
  /** Every capacity is used only up to this share. */
  headroom: 0.7,
  /** Consensus adds 2–10 ms per write; the lower end is the floor. */
  consensusWriteMs: { low: 2, high: 10 },
  /** One network hop, p50 (site latency table). */
  networkHopMs: 1,
  /** A cache hit, p50. */
  cacheHitMs: 0.2,
  /** Distance assumed between two regions when there is more than one. */
  interRegionKm: 2_000,
} as const;

/** Rounds a figure for display and JSON (at most `digits` decimals, no trailing noise). */
export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A number as it reads in a formula: 60000 → "60000", 0.99992488 → "0.999925", Infinity → "∞". */
export function fmt(value: number): string {
  if (value === Infinity) return '∞';
  if (Math.abs(value) >= 1000) return String(Math.round(value));
  return String(Number(value.toPrecision(6)));
}
