import type { Assessment } from './assessment.ts';
import type { CatalogIndex } from './catalog-index.ts';
import type { DesignDraft } from './design-draft.ts';

/** A pattern the requirements call for brings its primitives with it. */
export function addPatternPrimitives(draft: DesignDraft, index: CatalogIndex): void {
  for (const id of draft.ids('pattern')) {
    const pattern = index.pattern(id);
    for (const p of pattern?.primitives ?? []) {
      draft.add('primitive', p, `needed by ${pattern?.name ?? id} (${id})`, { via: id });
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
    draft.add('pattern', pattern.id, `applicable: the design already holds ${pattern.primitives.join(', ')} (framework §5.12)`);
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
