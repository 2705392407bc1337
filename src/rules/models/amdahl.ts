import * as z from 'zod';
import { checkInputs, show } from './model.ts';

/** Inputs of Amdahl's law: the serial fraction F of the work and the number of workers N. */
export const AmdahlInputs = z.strictObject({
  serial: z.number().finite().gt(0, { message: 'must be greater than 0 (with no serial part there is no limit to compute)' }).max(1),
  workers: z.number().int().min(1).max(1e9),
});
export type AmdahlInputs = z.infer<typeof AmdahlInputs>;

/** Amdahl's law result: the speedup with N workers and the ceiling as N grows without bound. */
export type AmdahlResult = { speedup: number; maxSpeedup: number };

/** Amdahl's law: speedup = 1/(F + (1−F)/N), maxSpeedup = 1/F. */
export function amdahlModel(raw: z.input<typeof AmdahlInputs>): AmdahlResult {
  const { serial, workers } = checkInputs('amdahl', AmdahlInputs, raw);
  return { speedup: 1 / (serial + (1 - serial) / workers), maxSpeedup: 1 / serial };
}

/** Shows Amdahl's law with the numbers put in. */
export function amdahlFormula(input: AmdahlInputs, result: AmdahlResult): string {
  const f = show(input.serial);
  return `S = 1 / (${f} + (1 − ${f}) / ${input.workers}) = ${show(result.speedup)}; max = 1 / ${f} = ${show(result.maxSpeedup)}`;
}
