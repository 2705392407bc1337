import type { Assessment } from './assessment.ts';
import type { CatalogIndex } from './catalog-index.ts';

type Warning = Assessment['warnings'][number];

/** A warning made by a rule or a conflict, with what it concerns and the catalog pitfall it is a case of. */
export interface RuleWarning extends Warning {
  /** Chosen items the warning is about (a conflict's two primitives); empty for a rule's warning. */
  concerns: string[];
  /** The catalog pitfall this warning is a specific case of; its generic warning is then left out. */
  pitfall?: string;
}

/** At most this many warnings come from the catalog's pitfalls; warnings made by rules are always kept. */
export const pitfallWarningCap = 10;

const severityRank = { high: 0, medium: 1, low: 2 } as const;

interface Ranked {
  warning: Warning;
  /** 0 when everything it concerns was called for directly, 1 when closure or §5.12 brought something in. */
  tier: number;
  /** 0 for rule-made warnings, which name this design's own figures; 1 for catalog pitfalls. */
  source: number;
  /** How many directly chosen items it concerns: a pitfall that touches more of the design matters more. */
  weight: number;
}

const byRank = (a: Ranked, b: Ranked) =>
  severityRank[a.warning.severity] - severityRank[b.warning.severity] || a.tier - b.tier || a.source - b.source || b.weight - a.weight;

/** What the warnings are chosen from. */
export interface WarningSources {
  /** Warnings of the rules that fired and of conflicting primitives: always kept. */
  ruleMade: readonly RuleWarning[];
  /** The design's items, most relevant first. */
  chosen: readonly string[];
  /** Whether a requirement or rule called for the item, rather than closure or applicability. */
  direct: (id: string) => boolean;
  /** Why an item is in the design (its first reason), for a pitfall's `why`. */
  reasonOf: (id: string) => string;
  /** Pitfalls some rule detects: they are shown only when that rule fires, never as generic cautions. */
  ruleDetected: ReadonlySet<string>;
}

/**
 * The warnings worth a team's attention, most important first: every rule-made warning, plus the
 * catalog pitfalls of the items the requirements called for (at most `cap`), without duplicates.
 */
export function selectWarnings(sources: WarningSources, index: CatalogIndex, cap = pitfallWarningCap): Warning[] {
  const { ruleMade, chosen, direct } = sources;
  const covered = new Set([...sources.ruleDetected, ...ruleMade.map((w) => w.id)]);
  const ranked: Ranked[] = ruleMade.map((w) => ({
    warning: { id: w.id, severity: w.severity, message: w.pitfall ? `${w.message} (a case of pitfall ${w.pitfall})` : w.message, why: w.why },
    tier: w.concerns.every(direct) ? 0 : 1,
    source: 0,
    weight: w.concerns.length,
  }));

  const pitfalls = new Map<string, { pitfall: ReturnType<CatalogIndex['pitfalls']>[number]; concerns: string[] }>();
  for (const id of chosen.filter(direct)) {
    for (const pitfall of index.pitfalls(id)) {
      if (covered.has(pitfall.id)) continue;
      const found = pitfalls.get(pitfall.id) ?? { pitfall, concerns: [] };
      found.concerns.push(id);
      pitfalls.set(pitfall.id, found);
    }
  }
  const fromPitfalls: Ranked[] = [...pitfalls.values()].map(({ pitfall, concerns }) => ({
    warning: {
      id: pitfall.id,
      severity: pitfall.severity,
      message: `${pitfall.name} (concerns ${concerns.join(', ')}): ${pitfall.summary} Fix: ${pitfall.fix}`,
      why: concerns.map((id) => `${id} is in this design because ${sources.reasonOf(id)}`).join('; '),
    },
    tier: 0,
    source: 1,
    weight: concerns.length,
  }));
  ranked.push(...fromPitfalls.sort(byRank).slice(0, cap));

  const seen = new Set<string>();
  return ranked
    .sort(byRank)
    .map((r) => r.warning)
    .filter((w) => {
      // The same id twice, or the same text under two ids, would say one thing twice.
      if (seen.has(`id:${w.id}`) || seen.has(`text:${w.message}`)) return false;
      seen.add(`id:${w.id}`).add(`text:${w.message}`);
      return true;
    });
}
