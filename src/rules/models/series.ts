import * as z from 'zod';
import { MINUTES_PER_YEAR } from './availability.ts';
import { checkInputs, show } from './model.ts';

/** Inputs of the series model: the availability of each component a request passes through. */
export const SeriesInputs = z.strictObject({
  components: z.array(z.number().finite().min(0).max(1)).min(1).max(100),
});
export type SeriesInputs = z.infer<typeof SeriesInputs>;

/** The series model's result. */
export type SeriesResult = {
  availability: number;
  downtimeMinutesPerYear: number;
};

/** Availability of components that must all be up (in series): the product of theirs. */
export function seriesModel(raw: z.input<typeof SeriesInputs>): SeriesResult {
  const { components } = checkInputs('series', SeriesInputs, raw);
  const availability = components.reduce((product, a) => product * a, 1);
  return { availability, downtimeMinutesPerYear: (1 - availability) * MINUTES_PER_YEAR };
}

/** Shows the series product with the numbers put in. */
export function seriesFormula(input: SeriesInputs, result: SeriesResult): string {
  return `${input.components.map(show).join(' × ')} = ${show(result.availability)}; downtime = (1 − ${show(result.availability)}) × ${MINUTES_PER_YEAR} = ${show(result.downtimeMinutesPerYear)} min/year`;
}
