import * as z from 'zod';
import { checkInputs, show } from './model.ts';

const positive = z.number().finite().positive();

/** Inputs of Little's law: exactly two of concurrency (L), arrival rate per second (λ) and response time in s (W). */
export const LittlesLawInputs = z
  .strictObject({ concurrency: positive.optional(), arrivalRate: positive.optional(), responseTime: positive.optional() })
  .refine((input) => [input.concurrency, input.arrivalRate, input.responseTime].filter((v) => v !== undefined).length === 2, {
    message: 'must give exactly two of concurrency, arrivalRate (per s) and responseTime (s); the third is computed',
  });
export type LittlesLawInputs = z.infer<typeof LittlesLawInputs>;

/** Little's law result: the one quantity that was not given, under its own name. */
export type LittlesLawResult = { concurrency: number } | { arrivalRate: number } | { responseTime: number };

/** Little's law L = λ·W: from any two of concurrency, arrival rate and response time, the third. */
export function littlesLawModel(raw: z.input<typeof LittlesLawInputs>): LittlesLawResult {
  const { concurrency, arrivalRate, responseTime } = checkInputs('littles-law', LittlesLawInputs, raw);
  if (concurrency === undefined) return { concurrency: (arrivalRate ?? 0) * (responseTime ?? 0) };
  if (arrivalRate === undefined) return { arrivalRate: concurrency / (responseTime ?? 1) };
  return { responseTime: concurrency / arrivalRate };
}

/** Shows Little's law solved for the missing quantity, with the numbers put in. */
export function littlesLawFormula(input: LittlesLawInputs, result: LittlesLawResult): string {
  if ('concurrency' in result) {
    return `L = λ × W = ${show(input.arrivalRate ?? 0)} × ${show(input.responseTime ?? 0)} = ${show(result.concurrency)}`;
  }
  if ('arrivalRate' in result) {
    return `λ = L / W = ${show(input.concurrency ?? 0)} / ${show(input.responseTime ?? 0)} = ${show(result.arrivalRate)} per s`;
  }
  return `W = L / λ = ${show(input.concurrency ?? 0)} / ${show(input.arrivalRate ?? 0)} = ${show(result.responseTime)} s`;
}
