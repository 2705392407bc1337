import * as z from 'zod';
import { ceilTidy, checkInputs, show } from './model.ts';
import { DEFAULT_HEADROOM } from './throughput.ts';

/** Writes per second one partition takes (framework reading for P1). */
export const WRITES_PER_PARTITION = 20_000;
/**
 * Gigabytes one partition holds: the framework's practical shard size (about 2 TB). Its 100 GB figure is
 * the point to choose a partition key, not a partition's size (interface.md "Readings").
 */
export const GB_PER_PARTITION = 2_000;

/** Inputs of the partitions model: write rate, data size, headroom and the surge factor. */
export const PartitionsInputs = z.strictObject({
  writesPerSec: z.number().finite().min(0),
  dataGb: z.number().finite().min(0),
  headroom: z.number().finite().gt(0).max(1).default(DEFAULT_HEADROOM),
  surge: z.number().finite().min(1).max(1000).default(1),
  gbPerPartition: z.number().finite().positive().default(GB_PER_PARTITION),
});
export type PartitionsInputs = z.infer<typeof PartitionsInputs>;

/** Partitions needed, and the counts the write rate and the data size each call for. */
export type PartitionsResult = { partitions: number; forWrites: number; forData: number };

/** Partitions needed: max(⌈w·surge/(20000·headroom)⌉, ⌈g/gbPerPartition⌉, 1). */
export function partitionsModel(raw: z.input<typeof PartitionsInputs>): PartitionsResult {
  const { writesPerSec, dataGb, headroom, surge, gbPerPartition } = checkInputs('partitions', PartitionsInputs, raw);
  const forWrites = ceilTidy((writesPerSec * surge) / (WRITES_PER_PARTITION * headroom));
  const forData = ceilTidy(dataGb / gbPerPartition);
  return { partitions: Math.max(forWrites, forData, 1), forWrites, forData };
}

/** Shows the partition count with the numbers put in. */
export function partitionsFormula(input: PartitionsInputs, result: PartitionsResult): string {
  const { writesPerSec, dataGb, headroom, surge, gbPerPartition } = input;
  return (
    `max(⌈${show(writesPerSec)} × ${show(surge)} / (${WRITES_PER_PARTITION} × ${show(headroom)})⌉, ` +
    `⌈${show(dataGb)} / ${show(gbPerPartition)}⌉, 1) = max(${result.forWrites}, ${result.forData}, 1) = ${result.partitions}`
  );
}
