import { writeFile } from 'node:fs/promises';

/** One measured figure as bench/results.json records it; `pass` is null for a figure without a target. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  target: string | null;
  pass: boolean | null;
}

/** What a figure is checked against: an upper bound on the value, or on the ratio to the baseline. */
export type Target = { maxValue: number } | { maxRatio: number } | { minValue: number };

const round = (x: number, digits = 3) => (Number.isFinite(x) ? Number(x.toPrecision(digits + 1)) : x);

/** Builds a figure, computing the ratio to the baseline and whether the target is met. */
export function figure(name: string, value: number, unit: string, options: { baseline?: number; target?: Target } = {}): Figure {
  const baseline = options.baseline ?? null;
  const ratio = baseline !== null && baseline > 0 ? value / baseline : null;
  const t = options.target;
  let target: string | null = null;
  let pass: boolean | null = null;
  if (t && 'maxValue' in t) {
    target = `<= ${t.maxValue} ${unit}`;
    pass = value <= t.maxValue;
  } else if (t && 'minValue' in t) {
    target = `>= ${t.minValue} ${unit}`;
    pass = value >= t.minValue;
  } else if (t && 'maxRatio' in t) {
    target = `ratio <= ${t.maxRatio}`;
    pass = ratio !== null && ratio <= t.maxRatio;
  }
  return { name, value: round(value), unit, baseline: baseline === null ? null : round(baseline), ratio: ratio === null ? null : round(ratio), target, pass };
}

function cell(x: number | string | boolean | null): string {
  if (x === null) return '-';
  if (typeof x === 'boolean') return x ? 'PASS' : 'FAIL';
  return String(x);
}

/** The figures as an aligned plain-text table. */
export function formatTable(figures: readonly Figure[]): string {
  const header = ['figure', 'value', 'unit', 'baseline', 'ratio', 'target', 'result'];
  const rows = figures.map((f) => [f.name, f.value, f.unit, f.baseline, f.ratio, f.target, f.pass].map(cell));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 || i === 2 || i === 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Writes `{"figures":[...]}` to `file`, plus the run's context (mode, load average) beside it. */
export async function writeResults(file: string, figures: readonly Figure[], context: Record<string, unknown>): Promise<void> {
  await writeFile(file, `${JSON.stringify({ figures, context }, null, 2)}\n`);
}
