import * as z from 'zod';
import { checkInputs, show } from './model.ts';

/** How far light travels in fibre in one millisecond, in km. */
export const FIBRE_KM_PER_MS = 200;

/** Inputs of the round-trip model: the distance between two sites in km (at most once around the Earth). */
export const RttInputs = z.strictObject({ distanceKm: z.number().finite().min(0).max(40_075) });
export type RttInputs = z.infer<typeof RttInputs>;

/** The physical floor on a round trip, in ms. */
export type RttResult = { minRttMs: number };

/** The smallest possible round trip over fibre: 2d / 200 ms. */
export function rttModel(raw: z.input<typeof RttInputs>): RttResult {
  const { distanceKm } = checkInputs('rtt', RttInputs, raw);
  return { minRttMs: (2 * distanceKm) / FIBRE_KM_PER_MS };
}

/** Shows the round-trip floor with the numbers put in. */
export function rttFormula(input: RttInputs, result: RttResult): string {
  return `2 × ${show(input.distanceKm)} km / ${FIBRE_KM_PER_MS} km per ms = ${show(result.minRttMs)} ms`;
}
