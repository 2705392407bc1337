import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One row of the descriptions table: team wording and the requirements it states. */
export interface Description {
  text: string;
  /** The kind of public write-up the wording is paraphrased from (the golden sets). */
  source?: string;
  name?: string;
  fields: Record<string, unknown>;
}

/** A table of descriptions in team wording (test/words/descriptions.json unless another file of this folder is named). */
export function loadDescriptions(file = 'descriptions.json'): Description[] {
  const path = fileURLToPath(new URL(`./${file}`, import.meta.url));
  return (JSON.parse(readFileSync(path, 'utf8')) as { descriptions: Description[] }).descriptions;
}

/** The kind of a field, for accuracy per kind of field. */
export function kindOf(field: string): string {
  if (field === 'readsPerSec' || field === 'writesPerSec') return 'rate';
  if (field === 'peakFactor') return 'peak';
  if (field === 'availability' || field === 'nodeAvailability') return 'availability';
  if (field === 'readLatencyMs' || field === 'writeLatencyMs') return 'latency';
  if (['rpoSec', 'rtoSec', 'stalenessBoundSec', 'retentionDays'].includes(field)) return 'duration';
  if (field === 'dataSizeGb' || field === 'objectSizeKb') return 'size';
  if (['regions', 'availabilityZones'].includes(field)) return 'regions/zones';
  if (['replicas', 'dependencies', 'fanOut', 'queryShapes'].includes(field)) return 'count';
  if (field === 'budgetUsdPerMonth') return 'money';
  if (['domain', 'consistency', 'ordering'].includes(field)) return 'choice';
  return 'yes/no';
}

function same(expected: unknown, actual: unknown): boolean {
  if (typeof expected === 'number' && typeof actual === 'number') {
    return expected === 0 ? actual === 0 : Math.abs(actual - expected) / Math.abs(expected) < 1e-3;
  }
  return expected === actual;
}

/** A field read wrong, missed, or read although the words do not state it. */
export interface Miss {
  text: string;
  field: string;
  expected: unknown;
  actual: unknown;
}

/** How well a reader did over the table: per kind of field, overall, and negations flipped. */
export interface Score {
  right: number;
  total: number;
  byKind: Record<string, { right: number; total: number }>;
  flippedNegations: number;
  misses: Miss[];
}

/**
 * Scores `read` over the table. A field counts once whether it is expected, read, or both; it is right when
 * the value read equals the value stated (numbers within 0.1 %). A stated yes/no read the other way is a flip.
 */
export function score(table: Description[], read: (text: string) => Record<string, unknown>): Score {
  const result: Score = { right: 0, total: 0, byKind: {}, flippedNegations: 0, misses: [] };
  for (const row of table) {
    let actual: Record<string, unknown>;
    try {
      actual = read(row.text);
    } catch {
      actual = {};
    }
    const fields = new Set([...Object.keys(row.fields), ...Object.keys(actual).filter((f) => f !== 'name')]);
    for (const field of fields) {
      const kind = (result.byKind[kindOf(field)] ??= { right: 0, total: 0 });
      const ok = same(row.fields[field], actual[field]);
      kind.total++;
      result.total++;
      if (ok) {
        kind.right++;
        result.right++;
      } else {
        result.misses.push({ text: row.text, field, expected: row.fields[field], actual: actual[field] });
      }
      if (typeof row.fields[field] === 'boolean' && typeof actual[field] === 'boolean' && row.fields[field] !== actual[field]) {
        result.flippedNegations++;
      }
    }
  }
  return result;
}

/** The score as a Markdown table, one row per kind of field. */
export function formatScore(s: Score): string {
  const pct = (r: number, t: number): string => `${t === 0 ? '-' : ((100 * r) / t).toFixed(1)} %`;
  const rows = Object.entries(s.byKind)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, { right, total }]) => `| ${kind} | ${right}/${total} | ${pct(right, total)} |`);
  return ['| kind | right | share |', '|---|---|---|', ...rows, `| **all** | ${s.right}/${s.total} | ${pct(s.right, s.total)} |`, '', `flipped yes/no: ${s.flippedNegations}`].join('\n');
}
