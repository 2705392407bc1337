import * as z from 'zod';
import { UserError } from '../errors.ts';
import { calcModels, type CalcModel } from '../rules/models/index.ts';
import { closest } from '../rules/parsers/closest.ts';
import type { CliCommand } from './command.ts';

const usage = 'calc <model> key=value ... [--json]';
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** `calc <model> key=value ...`: runs one quantitative model (`{"model","inputs","result","formula"}`). */
export const calcCommand: CliCommand = {
  name: 'calc',
  usage,
  async run(args) {
    const [name, ...pairs] = args;
    const names = Object.keys(calcModels);
    const model = name === undefined ? undefined : calcModels[name.toLowerCase()];
    if (name === undefined || model === undefined) {
      const suggestions = name === undefined ? names : closest(name, names);
      throw new UserError('unknown_model', `${name === undefined ? 'Give a model' : `There is no model "${name}"`}: one of ${names.join(', ')}.`, {
        hint: `usage: ${usage}`,
        ...(suggestions.length > 0 ? { suggestions } : {}),
      });
    }
    const modelName = name.toLowerCase();
    const raw = readPairs(modelName, model, pairs);
    const result = model.run(raw);
    const inputs = model.inputs.parse(raw) as Record<string, unknown>;
    const formula = model.formula(raw, result);
    const human = [
      `${modelName}: ${model.description}`,
      ...Object.entries(result).map(([key, value]) => `  ${key} = ${String(value)}`),
      `  formula: ${formula}`,
    ].join('\n');
    return { json: { model: modelName, inputs, result, formula }, human };
  },
};

/** Reads `key=value` pairs into the model's raw inputs: numbers, or comma-separated lists where the model takes a list. */
function readPairs(modelName: string, model: CalcModel, pairs: string[]): Record<string, number | number[]> {
  const shape = model.inputs.shape as Record<string, z.ZodType>;
  const keys = Object.keys(shape);
  const takes = `${modelName} takes ${keys.map((key) => `${key}=${isList(shape[key]) ? '<a,b,...>' : '<number>'}`).join(' ')}`;
  const raw: Record<string, number | number[]> = {};
  for (const pair of pairs) {
    const match = /^([A-Za-z][A-Za-z0-9]*)=(.*)$/.exec(pair);
    if (!match?.[1] || match[2] === undefined) {
      throw new UserError('bad_argument', `"${pair.slice(0, 60)}" is not key=value.`, { hint: takes });
    }
    const [, key, text] = match;
    if (!(key in shape)) {
      const suggestions = closest(key, keys);
      throw new UserError('unknown_input', `${modelName} has no input "${key}".`, { hint: takes, ...(suggestions.length > 0 ? { suggestions } : {}) });
    }
    if (key in raw) throw new UserError('bad_argument', `${key} is given twice.`, { hint: takes });
    raw[key] = isList(shape[key]) ? text.split(',').map((item) => readNumber(key, item, takes)) : readNumber(key, text, takes);
  }
  const missing = keys.filter((key) => !(key in raw) && !shape[key]?.safeParse(undefined).success);
  if (missing.length > 0) throw new UserError('bad_input', `${modelName} needs ${missing.join(' and ')}.`, { hint: takes });
  return raw;
}

function readNumber(key: string, text: string, takes: string): number {
  const value = PLAIN_NUMBER.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value)) {
    throw new UserError('bad_input', `${key} must be a plain finite number such as 0.99 or 2e4, not "${text.slice(0, 40)}".`, { hint: takes });
  }
  return value;
}

function isList(schema: z.ZodType | undefined): boolean {
  const inner = schema instanceof z.ZodOptional || schema instanceof z.ZodDefault ? schema.unwrap() : schema;
  return inner instanceof z.ZodArray;
}
