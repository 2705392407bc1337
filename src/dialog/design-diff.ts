import type { Assessment } from '../rules/assessment.ts';
import type { Requirements } from '../rules/requirements.ts';
import { formatValue } from './format-value.ts';

/** Items present in one list and not the other. */
export interface SetChange {
  added: string[];
  removed: string[];
}

/** What changed between two saved versions: requirements, recommendation, and checks that flipped. */
export interface DesignDiff {
  requirements: Array<{ field: string; before: unknown; after: unknown }>;
  capabilities: SetChange;
  primitives: SetChange;
  patterns: SetChange;
  checks: Array<{ id: string; before: boolean | null | undefined; after: boolean | null | undefined }>;
  warnings: SetChange;
}

/** The parts of a version a diff reads. */
export interface Diffable {
  requirements: Requirements;
  assessment: Assessment;
}

function change(before: string[], after: string[]): SetChange {
  return { added: after.filter((x) => !before.includes(x)), removed: before.filter((x) => !after.includes(x)) };
}

/** Compares two versions; everything is computed from the saved data, nothing is re-assessed. */
export function diffVersions(a: Diffable, b: Diffable): DesignDiff {
  const ra = a.requirements as Record<string, unknown>;
  const rb = b.requirements as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(ra), ...Object.keys(rb)])];
  const checksA = new Map(a.assessment.validation.checks.map((c) => [c.id, c.pass]));
  const checksB = new Map(b.assessment.validation.checks.map((c) => [c.id, c.pass]));
  const checkIds = [...new Set([...checksA.keys(), ...checksB.keys()])];
  return {
    requirements: fields
      .filter((f) => JSON.stringify(ra[f]) !== JSON.stringify(rb[f]))
      .map((field) => ({ field, before: ra[field], after: rb[field] })),
    capabilities: change(a.assessment.capabilities.map((c) => c.id), b.assessment.capabilities.map((c) => c.id)),
    primitives: change(a.assessment.primitives.map((p) => p.id), b.assessment.primitives.map((p) => p.id)),
    patterns: change(a.assessment.patterns.map((p) => p.id), b.assessment.patterns.map((p) => p.id)),
    checks: checkIds
      .filter((id) => checksA.get(id) !== checksB.get(id))
      .map((id) => ({ id, before: checksA.get(id), after: checksB.get(id) })),
    warnings: change(a.assessment.warnings.map((w) => w.id), b.assessment.warnings.map((w) => w.id)),
  };
}

function setLine(label: string, c: SetChange): string | undefined {
  const parts = [...c.added.map((x) => `+${x}`), ...c.removed.map((x) => `−${x}`)];
  return parts.length > 0 ? `${label}: ${parts.join(', ')}` : undefined;
}

const passWord = (p: boolean | null | undefined): string => (p === undefined ? 'absent' : p === null ? 'not judged' : p ? 'pass' : 'fail');

/** The diff as short plain-text lines, grouped: requirements first, then the recommendation. */
export function describeDiff(diff: DesignDiff): { requirements: string[]; recommendation: string[] } {
  const requirements = diff.requirements.map(
    (r) => `${r.field}: ${formatValue(r.field, r.before)} → ${formatValue(r.field, r.after)}`,
  );
  const recommendation = [
    setLine('Capabilities', diff.capabilities),
    setLine('Primitives', diff.primitives),
    setLine('Patterns', diff.patterns),
    ...diff.checks.map((c) => `Check ${c.id}: ${passWord(c.before)} → ${passWord(c.after)}`),
    setLine('Warnings', diff.warnings),
  ].filter((l): l is string => l !== undefined);
  return { requirements, recommendation };
}
