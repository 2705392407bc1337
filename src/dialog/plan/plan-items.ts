import type { Assessment } from '../../rules/assessment.ts';
import type { PlanKind } from './plan-record.ts';

/** How much an item matters: high items must be done or accepted before a record is accepted. */
export type Impact = 'high' | 'medium' | 'low';

/** One thing a design's assessment asks the team to act on, before anyone has touched it. */
export interface DerivedItem {
  /** Stable across versions: the warning's id, the obligation's id, or `check-<check id>`. */
  id: string;
  kind: PlanKind;
  title: string;
  impact: Impact;
  /** The full text behind the title (the warning's message and why, the obligation's method). */
  detail: string;
}

const impactRank: Record<Impact, number> = { high: 0, medium: 1, low: 2 };
const kindRank: Record<PlanKind, number> = { check: 0, risk: 1, obligation: 2 };

/** Highest impact first; at equal impact failing checks, then risks, then obligations; else assessment order. */
export function byImpact<T extends Pick<DerivedItem, 'impact' | 'kind'>>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => impactRank[a.item.impact] - impactRank[b.item.impact] || kindRank[a.item.kind] - kindRank[b.item.kind] || a.index - b.index)
    .map(({ item }) => item);
}

/** A kebab-case id from words, for obligations saved before obligations had ids. */
function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48).replace(/-+$/, '');
}

/** The first sentence of a text, cut to `max` characters: what a plan line shows. */
export function headline(text: string, max = 110): string {
  const first = /^(.+?[.;:])(\s|$)/.exec(text)?.[1] ?? text;
  const line = first.replace(/[.;:]$/, '').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

const fieldOf = (value: unknown, field: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : undefined;

/** The need (essential/recommended/optional) the assessment gave an item, when it gives one. */
function needOf(assessment: Assessment, id: string): unknown {
  const items = [...assessment.capabilities, ...assessment.primitives, ...assessment.patterns];
  return fieldOf(items.find((i) => i.id === id), 'need');
}

function checkFigure(value: number | string | null, unit: string): string {
  if (value === null) return 'none';
  const shown = typeof value === 'number' ? Number(value.toPrecision(6)).toLocaleString('en-US', { maximumFractionDigits: 6 }) : value;
  return unit ? `${shown} ${unit}` : String(shown);
}

/**
 * The plan items of one assessment: every warning (a risk, impact = severity), every proof obligation
 * (high when the item it proves is essential, else medium) and every judged check that fails (high:
 * a stated requirement is not met). Checks that were not judged (no target) are no item: nothing to act on.
 */
export function deriveItems(assessment: Assessment): DerivedItem[] {
  const items: DerivedItem[] = [];
  const seen = new Set<string>();
  const push = (item: DerivedItem) => {
    let id = item.id;
    for (let n = 2; seen.has(id); n++) id = `${item.id}-${n}`;
    seen.add(id);
    items.push({ ...item, id });
  };
  for (const check of assessment.validation.checks) {
    if (check.pass !== false || check.required === null) continue;
    const detail = `${check.id}: calculated ${checkFigure(check.calculated, check.unit)}, required ${checkFigure(check.required, check.unit)}. ${check.explain}`;
    push({ id: `check-${check.id}`, kind: 'check', title: `The ${check.id} check fails: ${checkFigure(check.calculated, check.unit)} against ${checkFigure(check.required, check.unit)} required`, impact: 'high', detail });
  }
  for (const warning of assessment.warnings) {
    const why = fieldOf(warning, 'why');
    const detail = typeof why === 'string' && why !== '' ? `${warning.message} Why here: ${why}` : warning.message;
    push({ id: warning.id, kind: 'risk', title: headline(warning.message), impact: warning.severity, detail });
  }
  for (const obligation of assessment.obligations) {
    const own = fieldOf(obligation, 'id');
    const id = typeof own === 'string' && own !== '' ? own : `${obligation.pattern}-${slug(headline(obligation.text, 40))}`;
    const impact: Impact = needOf(assessment, obligation.pattern) === 'essential' ? 'high' : 'medium';
    push({ id, kind: 'obligation', title: `${obligation.pattern}: ${headline(obligation.text)}`, impact, detail: obligation.text });
  }
  return byImpact(items);
}
