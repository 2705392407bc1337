import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Assessment } from '../../../src/rules/assessment.ts';

/** One published design: its stated requirements, what it chose, what it rejects, and a published cost if any. */
export interface PublishedDesign {
  id: string;
  source: string;
  requirements: Record<string, unknown>;
  essential: string[];
  acceptable: string[];
  rejects: string[];
  publishedCostUsdPerMonth?: number;
  costSource?: string;
}

/** How one assessment measures against its published design. */
export interface DesignScore {
  id: string;
  missing: string[];
  found: number;
  essential: number;
  extra: string[];
  rejected: string[];
  costRatio?: number;
}

export function loadPublished(): PublishedDesign[] {
  return (JSON.parse(readFileSync(join(import.meta.dirname, 'designs.json'), 'utf8')) as { designs: PublishedDesign[] }).designs;
}

type Item = { id: string; need?: string };

/** The tokens an assessment holds: its catalog ids, and component:<id> for each box of its architecture. */
function tokens(a: Assessment): { all: Set<string>; counted: string[] } {
  const items = [...a.capabilities, ...a.primitives, ...a.patterns] as Item[];
  // Optional items are "consider" notes, not part of the design; an assessment without `need` counts all.
  const inDesign = items.filter((i) => i.need !== 'optional');
  const architecture = (a as { architecture?: { components: Array<{ id: string }> } }).architecture;
  const components = (architecture?.components ?? []).map((c) => `component:${c.id}`);
  const all = new Set([...inDesign.map((i) => i.id), ...components]);
  // Extras are counted over primitives and patterns: capabilities restate requirements.
  const counted = ([...a.primitives, ...a.patterns] as Item[]).filter((i) => i.need !== 'optional').map((i) => i.id);
  return { all, counted };
}

/** Scores one assessment against its published design. */
export function scoreDesign(design: PublishedDesign, a: Assessment): DesignScore {
  const { all, counted } = tokens(a);
  const missing = design.essential.filter((t) => !all.has(t));
  const allowed = new Set([...design.essential, ...design.acceptable]);
  const extra = counted.filter((id) => !allowed.has(id));
  const rejected = design.rejects.filter((t) => all.has(t));
  const cost = a.validation.checks.find((c) => c.id === 'cost')?.calculated;
  const score: DesignScore = { id: design.id, missing, found: design.essential.length - missing.length, essential: design.essential.length, extra, rejected };
  if (design.publishedCostUsdPerMonth !== undefined && typeof cost === 'number') score.costRatio = cost / design.publishedCostUsdPerMonth;
  return score;
}

/** The set's figures: essential mechanisms found, extras per design, rejected items, cost ratios. */
export function summarize(scores: DesignScore[]) {
  const essential = scores.reduce((n, s) => n + s.essential, 0);
  const found = scores.reduce((n, s) => n + s.found, 0);
  return {
    designs: scores.length,
    essentialFoundPct: Math.round((1000 * found) / essential) / 10,
    fullyMatched: scores.filter((s) => s.missing.length === 0).length,
    extraPerDesign: Math.round((100 * scores.reduce((n, s) => n + s.extra.length, 0)) / scores.length) / 100,
    rejectedPresent: scores.reduce((n, s) => n + s.rejected.length, 0),
    costRatios: scores.filter((s) => s.costRatio !== undefined).map((s) => ({ id: s.id, ratio: Math.round(s.costRatio! * 100) / 100 })),
  };
}
