import * as z from 'zod';
import { checkInputs, show } from './model.ts';

/** Inputs of the universal scalability law: contention σ, coherency κ and the number of workers N. */
export const UslInputs = z.strictObject({
  sigma: z.number().finite().min(0).lt(1),
  kappa: z.number().finite().gt(0, { message: 'must be greater than 0 (with no coherency cost there is no peak)' }).max(1),
  workers: z.number().int().min(1).max(1e9),
});
export type UslInputs = z.infer<typeof UslInputs>;

/** USL result: relative capacity at N workers and the worker count where it peaks. */
export type UslResult = { speedup: number; peakWorkers: number };

/** Universal scalability law: C(N) = N/(1 + σ(N−1) + κN(N−1)), peak at N* = √((1−σ)/κ). */
export function uslModel(raw: z.input<typeof UslInputs>): UslResult {
  const { sigma, kappa, workers: n } = checkInputs('usl', UslInputs, raw);
  return { speedup: n / (1 + sigma * (n - 1) + kappa * n * (n - 1)), peakWorkers: Math.sqrt((1 - sigma) / kappa) };
}

/** Shows the USL with the numbers put in. */
export function uslFormula(input: UslInputs, result: UslResult): string {
  const { sigma, kappa, workers: n } = input;
  return (
    `C(${n}) = ${n} / (1 + ${show(sigma)}·(${n}−1) + ${show(kappa)}·${n}·(${n}−1)) = ${show(result.speedup)}; ` +
    `peak N* = √((1 − ${show(sigma)}) / ${show(kappa)}) = ${show(result.peakWorkers)}`
  );
}
