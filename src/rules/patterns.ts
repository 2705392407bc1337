import type { Assessment } from './assessment.ts';
import type { CatalogIndex } from './catalog-index.ts';
import type { DesignDraft } from './design-draft.ts';
import type { Providers } from './rule-loader.ts';

/**
 * A pattern the requirements call for brings its primitives with it, with the pattern's need — except
 * those the smallest design keeps off the data path (leader-follower's failover consensus is a managed
 * failover or a small coordinator named in the architecture, not P5 on every write).
 */
export function addPatternPrimitives(draft: DesignDraft, index: CatalogIndex, providers: Providers): void {
  for (const id of draft.ids('pattern')) {
    const pattern = index.pattern(id);
    const offPath = new Set(providers.patternPrimitivesOffPath[id] ?? []);
    const need = draft.get(id)!.need;
    for (const p of pattern?.primitives ?? []) {
      if (offPath.has(p)) continue;
      draft.add('primitive', p, `needed by ${pattern?.name ?? id} (${id})`, { via: id, need });
    }
  }
}

/**
 * The framework's detection rule (§5.12): a pattern is applicable when the design already holds all
 * of its primitives, even if no requirement called for it — except the `calledOnly` patterns, which
 * answer one specific requirement.
 */
export function detectPatterns(draft: DesignDraft, index: CatalogIndex, calledOnly: ReadonlySet<string>): void {
  for (const pattern of index.patterns) {
    if (draft.has(pattern.id) || calledOnly.has(pattern.id)) continue;
    if (!pattern.primitives.every((p) => draft.has(p))) continue;
    // No requirement asked for it: a "consider" note, not part of the design.
    draft.add('pattern', pattern.id, `applicable: the design already holds ${pattern.primitives.join(', ')} (framework §5.12)`, { need: 'optional' });
  }
}

/** Patterns one or two primitives short, when at least as many of their primitives are present as missing. */
export function nearMisses(draft: DesignDraft, index: CatalogIndex): Assessment['nearMisses'] {
  const misses: Assessment['nearMisses'] = [];
  for (const pattern of index.patterns) {
    if (draft.has(pattern.id)) continue;
    const missing = pattern.primitives.filter((p) => !draft.has(p));
    const present = pattern.primitives.length - missing.length;
    if (missing.length >= 1 && missing.length <= 2 && present >= missing.length) misses.push({ pattern: pattern.id, missing });
  }
  return misses;
}
