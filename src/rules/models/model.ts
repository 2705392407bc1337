import type { z } from 'zod';
import { UserError } from '../../errors.ts';
import { describeIssue, issuePath } from '../parsers/zod-issues.ts';

/** What a model computes: named numbers (and, for quorum, a yes/no). */
export type ModelResult = Record<string, number | boolean>;

/** One quantitative model of `calc`: its inputs schema, the computation and its formula with numbers. */
export interface CalcModel {
  description: string;
  inputs: z.ZodObject;
  /** Checks the inputs (UserError `bad_input` when they are impossible) and computes the result. */
  run(inputs: unknown): ModelResult;
  /** The formula with the (checked, defaulted) inputs and the result put in. */
  formula(inputs: unknown, result: ModelResult): string;
}

/**
 * Parses a model's inputs with its zod schema; any problem becomes a UserError (`bad_input`)
 * that names the model and the input, e.g. "availability: node must be at most 1".
 */
export function checkInputs<S extends z.ZodType>(model: string, schema: S, inputs: unknown): z.output<S> {
  const parsed = schema.safeParse(inputs);
  if (parsed.success) return parsed.data;
  const messages = parsed.error.issues.map((issue) => describeIssue(issue, issuePath(issue, 'the inputs')));
  throw new UserError('bad_input', `${model}: ${messages.join('; ')}`);
}

/** Builds a registry entry from a typed model function and its typed formula. */
export function defineModel<S extends z.ZodObject, R extends ModelResult>(
  description: string,
  inputs: S,
  run: (inputs: z.input<S>) => R,
  formula: (inputs: z.output<S>, result: R) => string,
): CalcModel {
  return {
    description,
    inputs,
    // The model function checks its own inputs, so the cast only moves the check inside.
    run: (raw) => run(raw as z.input<S>),
    formula: (raw, result) => formula(inputs.parse(raw), result as R),
  };
}

/** Shows a number in a formula: at most 10 significant digits, no trailing zeros. */
export function show(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number.parseFloat(value.toPrecision(10)));
}

/** Rounds up, forgiving binary noise such as 14000.000000000002 that should read as 14000. */
export function ceilTidy(value: number): number {
  return Math.ceil(Number.parseFloat(value.toPrecision(12)));
}
