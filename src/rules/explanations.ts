import type { CatalogIndex } from './catalog-index.ts';
import type { DesignDraft } from './design-draft.ts';
import { describeLeaf, evaluatedLeaves, suggestion } from './explain.ts';
import type { RuleRun } from './rule-engine.ts';
import type { LoadedRule } from './rule-schema.ts';

/** A rule that can bring an item into a design, directly or through the item it adds (`via`). */
export interface Producer {
  rule: LoadedRule;
  via?: string;
}

/**
 * For every catalog item, the requirement rules that can bring it in: those that add it, and those that
 * add a capability, pattern or primitive that brings it along (primary provider, pattern primitives,
 * required combinations, capability dependencies). Built once per assessor.
 */
export function buildProducers(rules: readonly LoadedRule[], index: CatalogIndex): Map<string, Producer[]> {
  const producers = new Map<string, Producer[]>();
  const push = (id: string, p: Producer): boolean => {
    const list = producers.get(id) ?? [];
    if (list.some((x) => x.rule.id === p.rule.id)) return false;
    list.push(p);
    producers.set(id, list);
    return true;
  };
  for (const rule of rules) {
    for (const id of [...rule.event.capabilities, ...rule.event.primitives, ...rule.event.patterns]) push(id, { rule });
  }
  const children = (id: string): string[] => {
    const cap = index.capability(id);
    if (cap) return [...cap.requires, ...cap.providedBy.slice(0, 1)];
    const pattern = index.pattern(id);
    if (pattern) return pattern.primitives;
    return (index.primitive(id)?.requires ?? []).map((group) => group[0]!).filter(Boolean);
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const [parent, list] of [...producers]) {
      for (const child of children(parent)) {
        for (const p of list) if (push(child, { rule: p.rule, via: p.via ?? parent })) changed = true;
      }
    }
  }
  return producers;
}

/** What an assessment keeps to answer `why` and `why not`. */
export interface ExplainContext {
  index: CatalogIndex;
  draft: DesignDraft;
  run: RuleRun;
  facts: Record<string, unknown>;
  producers: Map<string, Producer[]>;
  /** Patterns recommended only when a rule calls for them. */
  calledOnly: ReadonlySet<string>;
}

/** The reasons an item is in the design, and the rule conditions that fired for it; null when it is not there. */
export function why(ctx: ExplainContext, id: string): string[] | null {
  const canonical = ctx.index.canonical(id);
  const item = canonical ? ctx.draft.get(canonical) : undefined;
  if (!item) return null;
  const lines = [...item.reasons];
  const fired = new Map(ctx.run.fired.map((f) => [f.rule.id, f]));
  const seen = new Set<string>();
  const visit = (itemId: string, depth: number) => {
    const current = ctx.draft.get(itemId);
    if (!current || seen.has(itemId) || depth > 4) return;
    seen.add(itemId);
    for (const ruleId of current.rules) {
      const f = fired.get(ruleId);
      if (!f) continue;
      const conditions = evaluatedLeaves(f.conditions).filter((c) => c.result === true).map(describeLeaf);
      const prefix = itemId === item.id ? '' : `via ${itemId}: `;
      lines.push(`${prefix}rule ${ruleId} (framework ${f.rule.source}) fired: ${conditions.join('; ')}`);
    }
    for (const parent of current.via) visit(parent, depth + 1);
  };
  visit(item.id, 0);
  return lines;
}

/** Why an item is not in the design: the rules that could bring it, the conditions that failed, and what answer would change that. */
export function whyNot(ctx: ExplainContext, id: string): string[] {
  const canonical = ctx.index.canonical(id);
  if (!canonical) return [`'${id}' is not a catalog id; try "lookup ${id}"`];
  if (ctx.draft.has(canonical)) return [`${canonical} is in the design; ask "why ${canonical}" for the reasons`];
  const pattern = ctx.index.pattern(canonical);
  if (!pattern && !ctx.index.capability(canonical) && !ctx.index.primitive(canonical)) {
    return [`${canonical} is not a capability, primitive or pattern, so no design holds it`];
  }
  const lines = [`${canonical} (${ctx.index.name(canonical)}) is not in the design.`];
  const explainRules = (targetId: string, limit: number, skipVia?: string): string[] => {
    const found: string[] = [];
    const candidates = (ctx.producers.get(targetId) ?? []).filter((p) => !skipVia || p.via !== skipVia);
    for (const p of candidates.slice(0, limit)) {
      const failed = ctx.run.failed.get(p.rule.id);
      if (!failed) continue;
      const conditions = evaluatedLeaves(failed).filter((c) => c.result === false).map(describeLeaf);
      const through = p.via ? ` would add ${p.via}, which brings ${targetId},` : ` would add ${targetId}`;
      lines.push(`rule ${p.rule.id} (framework ${p.rule.source})${through} but did not fire: ${conditions.join('; ')}`);
      const s = suggestion(failed, ctx.facts);
      if (s && !found.includes(s)) found.push(s);
    }
    return found;
  };
  const own = explainRules(canonical, 8);
  if (own.length) lines.push(`To bring it in: ${own.join('; or ')}`);
  if (pattern && ctx.calledOnly.has(canonical)) {
    lines.push(`${canonical} is recommended only when a requirement calls for it, not merely because the design holds ${pattern.primitives.join(', ')}`);
  } else if (pattern) {
    const missing = pattern.primitives.filter((p) => !ctx.draft.has(p));
    lines.push(`${canonical} is built from ${pattern.primitives.join(', ')}; the design lacks ${missing.join(', ')} (it is recommended once all are present)`);
    const parts = missing.map((p) => {
      const found = explainRules(p, 2, canonical);
      return found.length ? `${p} (${found.join(' or ')})` : `${p} (add it by hand)`;
    });
    lines.push(`Or complete its primitives: ${parts.join(', and ')}`);
  } else if (!ctx.producers.has(canonical)) {
    lines.push(`no rule of Quorum brings ${canonical} in; add it by hand if the team needs it`);
  }
  return lines;
}
