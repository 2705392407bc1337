import { formatValue } from '../../dialog/format-value.ts';
import { calcModels, type ModelResult } from '../../rules/models/index.ts';
import type { DesignInView } from '../answer.ts';
import type { Figures } from './figures.ts';
import type { Places } from './places.ts';

/** A sizing question answered by one of the `calc` models with the numbers the question gave. */
export interface SizingAnswer {
  /** The `calc` model that produced the figure. */
  model: string;
  inputs: Record<string, number | number[]>;
  result: ModelResult;
  /** The model's formula with the numbers put in. */
  formula: string;
  /** The first sentence: the figure, then how it follows. */
  headline: string;
  /** Assumptions the answer added to what the question stated, and caveats. */
  assumptions: string[];
  /** Catalog entries the answer draws on, most relevant first. */
  entries: string[];
  /** The requirement this figure speaks to, for a what-if in a design thread. */
  designField?: { field: string; value: number };
}

/** The thread's design as a sizer sees it: its title and the requirements of its latest version. */
export type DesignFigures = Pick<DesignInView, 'title' | 'requirements'>;

/** A number a sizer took from the thread's design because the question did not state it. */
export interface TakenFigure {
  field: string;
  value: number;
}

/** One kind of sizing question: recognizes it from the figures and words, and answers it. */
export interface Sizer {
  id: string;
  /** `design`: the thread's design, whose requirements fill in the numbers the question leaves out. */
  size(figures: Figures, places: Places, design?: DesignFigures): SizingAnswer | undefined;
}

/**
 * Reads the design's figures for numbers a question leaves out: `take(field)` is the design's value
 * (and notes it was taken), `note(answer)` then says which numbers came from the design.
 */
export function designFiller(design: DesignFigures | undefined): { take(field: string): number | undefined; note(answer: SizingAnswer): SizingAnswer } {
  const taken: TakenFigure[] = [];
  return {
    take(field) {
      const value = design?.requirements[field];
      if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
      if (!taken.some((t) => t.field === field)) taken.push({ field, value });
      return value;
    },
    note(answer) {
      if (!design || taken.length === 0) return answer;
      const list = taken.map((t) => `${t.field} ${formatValue(t.field, t.value)}`).join(', ');
      const line = `Taken from your ${design.title}, as the question did not say: ${list}.`;
      return { ...answer, headline: `${answer.headline} ${line}` };
    },
  };
}

/** Runs a `calc` model by name and returns its result and formula (the models check their own inputs). */
export function runModel(model: string, inputs: Record<string, number | number[]>): { result: ModelResult; formula: string } {
  const calc = calcModels[model];
  if (!calc) throw new Error(`no calc model "${model}"`);
  const result = calc.run(inputs);
  return { result, formula: calc.formula(inputs, result) };
}

/** A number as a person reads it: thousands separated, at most `digits` decimals, no trailing zeros. */
export function formatNumber(value: number, digits = 2): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/**
 * An availability as a percentage with as many decimals as its nines need (four beyond the
 * leading nines), so 0.999999999 reads 99.9999999 % and 0.99501 reads 99.501 %.
 */
export function formatPercent(fraction: number): string {
  const percent = fraction * 100;
  if (percent >= 100 - 1e-10) return '100 %';
  const decimals = percent.toFixed(12).split('.')[1] ?? '';
  const nines = /^9*/.exec(decimals)?.[0].length ?? 0;
  return `${Number(percent.toFixed(Math.min(10, nines + 4)))} %`;
}

/** Yearly downtime in the unit that reads best: hours, minutes or seconds. */
export function formatDowntime(minutes: number): string {
  if (minutes >= 120) return `${formatNumber(minutes / 60, 1)} hours`;
  if (minutes >= 1) return `${formatNumber(minutes, 1)} minute${formatNumber(minutes, 1) === '1' ? '' : 's'}`;
  return `${formatNumber(minutes * 60, minutes * 60 >= 1 ? 1 : 3)} seconds`;
}

/** Reads the words that ask for a count or figure ("how many", "what's the") and the noun asked about. */
export function asks(text: string, pattern: RegExp): boolean {
  return pattern.test(text);
}
