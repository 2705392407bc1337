import type { CatalogIndex } from './catalog-index.ts';
import type { DesignDraft } from './design-draft.ts';
import type { Providers } from './rule-loader.ts';
import type { RuleWarning } from './warning-selection.ts';

/** Adds the capabilities the chosen ones depend on (catalog capability.requires), until nothing changes. */
export function closeCapabilities(draft: DesignDraft, index: CatalogIndex): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const id of draft.ids('capability')) {
      for (const needed of index.capability(id)?.requires ?? []) {
        const need = draft.get(id)!.need;
        const before = draft.get(needed)?.need;
        if (draft.add('capability', needed, `${id} depends on ${needed} (catalog relation)`, { via: id, need })) changed = true;
        else if (before !== draft.get(needed)!.need) changed = true;
      }
    }
  }
}

/**
 * Adds, for each capability, the primitive the smallest design provides it with (data/rules/providers.json),
 * with the capability's need. Capabilities met by a practice, or whose primitive a rule decides, add none.
 */
export function primitivesForCapabilities(draft: DesignDraft, providers: Providers): void {
  for (const item of draft.list('capability')) {
    const provider = providers.capabilityProviders[item.id];
    if (!provider?.primitive) continue;
    draft.add('primitive', provider.primitive, `provides ${item.id}: ${provider.how} (needed because ${item.reasons[0]})`, { via: item.id, need: item.need });
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
        // A required partner is a practice that makes the item safe, not a requirement of its own.
        const need = draft.get(id)!.need === 'optional' ? 'optional' : 'recommended';
        if (draft.add('primitive', first, reason, { via: id, need })) changed = true;
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
        why: `both are in this design: ${pair.map((p) => `${p} because ${draft.get(p)!.reasons[0]}`).join('; ')}`,
        concerns: pair,
      });
    }
  }
  return warnings;
}
