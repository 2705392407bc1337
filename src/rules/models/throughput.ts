import * as z from 'zod';
import { checkInputs, show } from './model.ts';

/** The share of capacity planned for use, leaving room for spikes (framework headroom). */
export const DEFAULT_HEADROOM = 0.7;

/** Inputs of the throughput model: each stage's capacity and the headroom factor. */
export const ThroughputInputs = z.strictObject({
  bottlenecks: z.array(z.number().finite().positive()).min(1).max(100),
  headroom: z.number().finite().gt(0).max(1).default(DEFAULT_HEADROOM),
});
export type ThroughputInputs = z.infer<typeof ThroughputInputs>;

/** The throughput model's result. */
export type ThroughputResult = {
  throughput: number;
};

/** Usable throughput of a pipeline: its smallest stage capacity times the headroom. */
export function throughputModel(raw: z.input<typeof ThroughputInputs>): ThroughputResult {
  const { bottlenecks, headroom } = checkInputs('throughput', ThroughputInputs, raw);
  return { throughput: Math.min(...bottlenecks) * headroom };
}

/** Shows the throughput computation with the numbers put in. */
export function throughputFormula(input: ThroughputInputs, result: ThroughputResult): string {
  return `min(${input.bottlenecks.map(show).join(', ')}) × ${show(input.headroom)} = ${show(result.throughput)}`;
}
