import type { CatalogIndex } from './catalog-index.ts';
import type { DesignDraft } from './design-draft.ts';
import type { RuleWarning } from './warning-selection.ts';

/** Adds the capabilities the chosen ones depend on (catalog capability.requires), until nothing changes. */
export function closeCapabilities(draft: DesignDraft, index: CatalogIndex): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const id of draft.ids('capability')) {
      for (const needed of index.capability(id)?.requires ?? []) {
        if (draft.add('capability', needed, `${id} depends on ${needed} (catalog relation)`, { via: id })) changed = true;
      }
    }
  }
}

/**
 * Adds, for each capability, its primary primitive: the first of the catalog's `providedBy`, which
 * the catalog orders primary-first. Capabilities no primitive provides are left to the team.
 */
export function primitivesForCapabilities(draft: DesignDraft, index: CatalogIndex): void {
  for (const item of draft.list('capability')) {
    const primary = index.capability(item.id)?.providedBy[0];
    if (!primary) continue;
    draft.add('primitive', primary, `provides ${item.id} (needed because ${item.reasons[0]})`, { via: item.id });
  }
}

/**
 * Closure over the framework's required combinations (catalog primitive.requires): for each group
 * of which none is present, its first member is added (P19 needs P3 or P14: P3 comes in).
 */
export function closePrimitives(draft: DesignDraft, index: CatalogIndex): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const id of draft.ids('primitive')) {
      for (const group of index.primitive(id)?.requires ?? []) {
        if (group.some((p) => draft.has(p))) continue;
        const first = group[0];
        if (!first) continue;
        const reason = `${id} ${index.name(id)} needs ${group.join(' or ')} (framework required combination)`;
        if (draft.add('primitive', first, reason, { via: id })) changed = true;
      }
    }
  }
}

/** Pairs of chosen primitives the catalog says clash, as medium warnings (each pair once). */
export function conflictWarnings(draft: DesignDraft, index: CatalogIndex): RuleWarning[] {
  const warnings: RuleWarning[] = [];
  const seen = new Set<string>();
  for (const id of draft.ids('primitive')) {
    for (const conflict of index.primitive(id)?.conflicts ?? []) {
      if (!draft.has(conflict.with)) continue;
      const pair = [id, conflict.with].sort((a, b) => index.order(a) - index.order(b));
      const key = pair.join('-');
      if (seen.has(key)) continue;
      seen.add(key);
      warnings.push({
        id: `conflict-${key.toLowerCase()}`,
        severity: 'medium',
        message: `${pair[0]} ${index.name(pair[0]!)} and ${pair[1]} ${index.name(pair[1]!)} clash: ${conflict.reason}`,
        concerns: pair,
      });
    }
  }
  return warnings;
}
