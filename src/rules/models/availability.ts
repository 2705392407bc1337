import * as z from 'zod';
import { checkInputs, show } from './model.ts';

/** Minutes in a year (365 days), for downtime budgets. */
export const MINUTES_PER_YEAR = 525_600;

/** Inputs of the availability model: per-node availability, node count and how many must be up. */
export const AvailabilityInputs = z
  .strictObject({
    node: z.number().finite().min(0).max(1),
    replicas: z.number().int().min(1).max(100),
    quorum: z.number().int().min(1).max(100).default(1),
  })
  .refine((input) => input.quorum <= input.replicas, { message: 'must be at most replicas (k ≤ n)', path: ['quorum'] });
export type AvailabilityInputs = z.infer<typeof AvailabilityInputs>;

/** The availability model's result. */
export type AvailabilityResult = {
  availability: number;
  downtimeMinutesPerYear: number;
};

/**
 * P(at least `quorum` of `replicas` nodes are up) when each is up with probability `node`
 * (binomial; quorum 1 gives 1 − (1 − a)^n), and the yearly downtime that leaves.
 */
export function availabilityModel(raw: z.input<typeof AvailabilityInputs>): AvailabilityResult {
  const { node, replicas, quorum } = checkInputs('availability', AvailabilityInputs, raw);
  const availability = quorum === 1 ? 1 - (1 - node) ** replicas : 1 - probabilityFewerThan(quorum, replicas, node);
  return { availability, downtimeMinutesPerYear: (1 - availability) * MINUTES_PER_YEAR };
}

/** Shows the availability computation with the numbers put in. */
export function availabilityFormula(input: AvailabilityInputs, result: AvailabilityResult): string {
  const { node, replicas: n, quorum: k } = input;
  const a = show(node);
  const computed =
    k === 1
      ? `1 − (1 − ${a})^${n} = ${show(result.availability)}`
      : `P(≥${k} of ${n} up) with a=${a}: Σ C(${n},i)·${a}^i·${show(1 - node)}^(${n}−i) for i≥${k} = ${show(result.availability)}`;
  return `${computed}; downtime = (1 − ${show(result.availability)}) × ${MINUTES_PER_YEAR} = ${show(result.downtimeMinutesPerYear)} min/year`;
}

// Summing the few failure terms keeps precision when availability is very close to 1.
function probabilityFewerThan(k: number, n: number, a: number): number {
  let total = 0;
  for (let i = 0; i < k; i++) total += binomial(n, i) * a ** i * (1 - a) ** (n - i);
  return Math.min(1, total);
}

function binomial(n: number, i: number): number {
  let value = 1;
  for (let j = 1; j <= i; j++) value = (value * (n - i + j)) / j;
  return value;
}
