import * as z from 'zod';
import { MINUTES_PER_YEAR } from './availability.ts';
import { checkInputs, show } from './model.ts';

/** Seconds in a 365-day year. */
export const SECONDS_PER_YEAR = 31_536_000;

/** Inputs of the failover model: how often a leader fails and how long replacing it takes. */
export const FailoverInputs = z.strictObject({
  nodeFailuresPerYear: z.number().finite().min(0).max(100_000),
  failoverSec: z.number().finite().min(0).max(SECONDS_PER_YEAR),
});
export type FailoverInputs = z.infer<typeof FailoverInputs>;

/** The failover model's result. */
export type FailoverResult = {
  availability: number;
  downtimeMinutesPerYear: number;
};

/** The time a leader's partition is unavailable while failed leaders are replaced: 1 − f·s/31536000. */
export function failoverModel(raw: z.input<typeof FailoverInputs>): FailoverResult {
  const { nodeFailuresPerYear, failoverSec } = checkInputs('failover', FailoverInputs, raw);
  const lost = Math.min(1, (nodeFailuresPerYear * failoverSec) / SECONDS_PER_YEAR);
  return { availability: 1 - lost, downtimeMinutesPerYear: lost * MINUTES_PER_YEAR };
}

/** Shows the failover computation with the numbers put in. */
export function failoverFormula(input: FailoverInputs, result: FailoverResult): string {
  return `1 − ${show(input.nodeFailuresPerYear)} × ${show(input.failoverSec)} s / ${SECONDS_PER_YEAR} = ${show(result.availability)}; downtime = ${show(result.downtimeMinutesPerYear)} min/year`;
}
