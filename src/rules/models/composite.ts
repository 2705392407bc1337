import * as z from 'zod';
import { MINUTES_PER_YEAR } from './availability.ts';
import { checkInputs, show } from './model.ts';

/** The availability of one cloud region as a whole (the framework's region figure). */
export const DEFAULT_REGION_AVAILABILITY = 0.99999;

const fraction = z.number().finite().min(0).max(1);

/** Inputs of the composite model: the tiers on a request's path, the regions and a region's availability. */
export const CompositeInputs = z.strictObject({
  tiers: z.array(fraction).min(1).max(200),
  regions: z.number().int().min(1).max(50).default(1),
  regionAvailability: fraction.default(DEFAULT_REGION_AVAILABILITY),
});
export type CompositeInputs = z.infer<typeof CompositeInputs>;

/** The composite model's result: the availability of one region's path, and of the whole. */
export type CompositeResult = {
  availability: number;
  regionPathAvailability: number;
  downtimeMinutesPerYear: number;
};

/**
 * Availability of a request path: the tiers of one region in series (each already combined over its
 * replicas), times the region's own availability, with `regions` such paths serving in parallel:
 * 1 − (1 − ∏aᵢ·regionAvailability)^r.
 */
export function compositeModel(raw: z.input<typeof CompositeInputs>): CompositeResult {
  const { tiers, regions, regionAvailability } = checkInputs('composite', CompositeInputs, raw);
  const regionPathAvailability = tiers.reduce((product, a) => product * a, 1) * regionAvailability;
  const availability = 1 - (1 - regionPathAvailability) ** regions;
  return { availability, regionPathAvailability, downtimeMinutesPerYear: (1 - availability) * MINUTES_PER_YEAR };
}

/** Shows the composite computation with the numbers put in. */
export function compositeFormula(input: CompositeInputs, result: CompositeResult): string {
  const path = `${input.tiers.map(show).join(' × ')} × ${show(input.regionAvailability)} (region) = ${show(result.regionPathAvailability)}`;
  const whole = input.regions === 1 ? '' : `; ${input.regions} regions in parallel: 1 − (1 − ${show(result.regionPathAvailability)})^${input.regions} = ${show(result.availability)}`;
  return `${path}${whole}; downtime = (1 − ${show(result.availability)}) × ${MINUTES_PER_YEAR} = ${show(result.downtimeMinutesPerYear)} min/year`;
}
