import { badValue, prepare, quote } from './text.ts';

const YES = new Set(['yes', 'y', 'yeah', 'yep', 'yup', 'ya', 'true', 'sure', 'ok', 'okay', 'of course', 'definitely', 'absolutely', 'correct', 'on', 'needed', 'required', 'yes please']);
const NO = new Set(['no', 'n', 'nope', 'nah', 'false', 'none', 'not really', 'never', 'off', 'not needed', 'no thanks', 'not required']);

/** Reads a yes/no answer: `yes`, `y`, `yeah`, `true`, `sure` … or `no`, `n`, `nope`, `false`, `none` …. */
export function parseBoolean(text: string, label = 'the answer'): boolean {
  const prepared = prepare(text, label, 'yes or no').replace(/(?<![.!])[.!]+$/, '');
  if (YES.has(prepared)) return true;
  if (NO.has(prepared)) return false;
  throw badValue(`I could not read ${quote(text)} as yes or no for ${label}; answer yes or no`);
}
