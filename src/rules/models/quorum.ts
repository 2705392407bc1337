import * as z from 'zod';
import { checkInputs } from './model.ts';

/** Inputs of the quorum model: replica count, and optionally read and write quorum sizes (both or neither). */
export const QuorumInputs = z
  .strictObject({
    replicas: z.number().int().min(1).max(100),
    reads: z.number().int().min(1).optional(),
    writes: z.number().int().min(1).optional(),
  })
  .refine((input) => (input.reads === undefined) === (input.writes === undefined), {
    message: 'must give reads and writes together, or neither',
  })
  .refine((input) => (input.reads ?? 1) <= input.replicas && (input.writes ?? 1) <= input.replicas, {
    message: 'must have reads and writes of at most replicas',
  });
export type QuorumInputs = z.infer<typeof QuorumInputs>;

/** Quorum result: the majority size, failures a majority survives, and whether R + W > N. */
export type QuorumResult = { majority: number; toleratedFailures: number; strongReads?: boolean };

/** Majority quorum ⌊n/2⌋+1, tolerated failures ⌊(n−1)/2⌋, and with r and w, strongReads = r + w > n. */
export function quorumModel(raw: z.input<typeof QuorumInputs>): QuorumResult {
  const { replicas, reads, writes } = checkInputs('quorum', QuorumInputs, raw);
  const result: QuorumResult = { majority: Math.floor(replicas / 2) + 1, toleratedFailures: Math.floor((replicas - 1) / 2) };
  if (reads !== undefined && writes !== undefined) result.strongReads = reads + writes > replicas;
  return result;
}

/** Shows the quorum arithmetic with the numbers put in. */
export function quorumFormula(input: QuorumInputs, result: QuorumResult): string {
  const n = input.replicas;
  const base = `majority = ⌊${n}/2⌋ + 1 = ${result.majority}; tolerated failures = ⌊(${n} − 1)/2⌋ = ${result.toleratedFailures}`;
  if (input.reads === undefined || input.writes === undefined) return base;
  const sum = input.reads + input.writes;
  return `${base}; R + W = ${input.reads} + ${input.writes} = ${sum} ${sum > n ? '>' : '≤'} ${n} → ${result.strongReads ? 'reads see the latest write' : 'reads may be stale'}`;
}
