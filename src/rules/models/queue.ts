import * as z from 'zod';
import { UserError } from '../../errors.ts';
import { checkInputs, show } from './model.ts';

/** Inputs of the M/M/1 queue: arrival rate λ and service rate μ, both per second. */
export const QueueInputs = z.strictObject({
  arrivalRate: z.number().finite().positive(),
  serviceRate: z.number().finite().positive(),
});
export type QueueInputs = z.infer<typeof QueueInputs>;

/** M/M/1 result: utilization ρ, mean time in system (s) and mean number in system. */
export type QueueResult = { utilization: number; meanResponseTime: number; meanInSystem: number };

/** M/M/1 queue: ρ = λ/μ, W = 1/(μ−λ), L = ρ/(1−ρ). Needs λ < μ, or the queue grows without end. */
export function queueModel(raw: z.input<typeof QueueInputs>): QueueResult {
  const { arrivalRate, serviceRate } = checkInputs('queue', QueueInputs, raw);
  if (arrivalRate >= serviceRate) {
    throw new UserError(
      'bad_input',
      `queue: arrivalRate (${show(arrivalRate)}) must be below serviceRate (${show(serviceRate)}); at or above it the queue grows without bound`,
      { hint: 'add servers or speed up service so that each server sees λ < μ (aim for utilization under 0.7)' },
    );
  }
  const utilization = arrivalRate / serviceRate;
  return { utilization, meanResponseTime: 1 / (serviceRate - arrivalRate), meanInSystem: utilization / (1 - utilization) };
}

/** Shows the M/M/1 formulas with the numbers put in. */
export function queueFormula(input: QueueInputs, result: QueueResult): string {
  const l = show(input.arrivalRate);
  const m = show(input.serviceRate);
  const rho = show(result.utilization);
  return `ρ = ${l} / ${m} = ${rho}; W = 1 / (${m} − ${l}) = ${show(result.meanResponseTime)} s; L = ${rho} / (1 − ${rho}) = ${show(result.meanInSystem)}`;
}
