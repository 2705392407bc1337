import type { Need } from './rule-schema.ts';

/** The three kinds of item a design is made of. */
export type ItemKind = 'capability' | 'primitive' | 'pattern';

const needRank: Record<Need, number> = { essential: 0, recommended: 1, optional: 2 };

/** The stronger of two needs. */
export function strongerNeed(a: Need, b: Need): Need {
  return needRank[a] <= needRank[b] ? a : b;
}

/** One item of a design in the making, with everything that put it there. */
export interface DraftItem {
  id: string;
  kind: ItemKind;
  reasons: string[];
  /** Ids of the rules whose firing added it. */
  rules: string[];
  /** Items of the design that brought it in (a capability for its primitive, a pattern for its primitives …). */
  via: string[];
  /** The strongest need of everything that put it there. */
  need: Need;
}

/** A design being assembled: capabilities, primitives and patterns, each with its reasons. */
export class DesignDraft {
  private readonly items = new Map<string, DraftItem>();

  /** Adds an item, or another reason to an item already present; returns true when it is new. */
  add(kind: ItemKind, id: string, reason: string, origin: { rule?: string; via?: string; need?: Need } = {}): boolean {
    const existing = this.items.get(id);
    const need = origin.need ?? 'essential';
    const item = existing ?? { id, kind, reasons: [], rules: [], via: [], need };
    item.need = strongerNeed(item.need, need);
    if (!item.reasons.includes(reason)) item.reasons.push(reason);
    if (origin.rule && !item.rules.includes(origin.rule)) item.rules.push(origin.rule);
    if (origin.via && !item.via.includes(origin.via)) item.via.push(origin.via);
    if (!existing) this.items.set(id, item);
    return !existing;
  }

  /** Takes an item out (a person dropped it by hand); items it brought in stay, with their own reasons. */
  remove(id: string): boolean {
    return this.items.delete(id);
  }

  has(id: string): boolean {
    return this.items.has(id);
  }

  get(id: string): DraftItem | undefined {
    return this.items.get(id);
  }

  /**
   * True when a requirement called for the item: a rule added it, or a rule-added item of another
   * kind brought it in (a capability's provider, a called pattern's primitives). Items added only by
   * closure (a capability's dependencies, required combinations) or §5.12 applicability are not.
   */
  isDirect(id: string): boolean {
    const item = this.items.get(id);
    if (!item) return false;
    const ruled = (other: string) => (this.items.get(other)?.rules.length ?? 0) > 0;
    return ruled(id) || item.via.some((v) => this.items.get(v)?.kind !== item.kind && ruled(v));
  }

  /** The ids of one kind, in the order they were added. */
  ids(kind: ItemKind): string[] {
    return [...this.items.values()].filter((i) => i.kind === kind).map((i) => i.id);
  }

  list(kind: ItemKind): DraftItem[] {
    return [...this.items.values()].filter((i) => i.kind === kind);
  }
}
