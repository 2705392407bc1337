import { normalizeId, type Catalog } from '../catalog/catalog.ts';
import type { Capability, Obligation, Pattern, Pitfall, Primitive } from '../catalog/schema.ts';

/**
 * The catalog relations the assessor needs, looked up once when it is created so that each
 * assessment does no catalog scans.
 */
export interface CatalogIndex {
  /** The catalog's own spelling of an id (any spelling accepted), or undefined. */
  canonical(id: string): string | undefined;
  /** Position in catalog order, for stable output. */
  order(id: string): number;
  name(id: string): string;
  capability(id: string): Capability | undefined;
  primitive(id: string): Primitive | undefined;
  pattern(id: string): Pattern | undefined;
  readonly patterns: readonly Pattern[];
  /** Pitfalls whose `related` names this id. */
  pitfalls(id: string): readonly Pitfall[];
  /** Obligations whose `related` names this id. */
  obligations(id: string): readonly Obligation[];
}

/** Builds the index of a loaded catalog. */
export function indexCatalog(catalog: Catalog): CatalogIndex {
  const canonical = new Map<string, string>();
  const order = new Map<string, number>();
  const names = new Map<string, string>();
  catalog.entries.forEach((entry, i) => {
    canonical.set(normalizeId(entry.id), entry.id);
    order.set(entry.id, i);
    names.set(entry.id, entry.name);
  });
  const capabilities = new Map(catalog.list('capability').map((c) => [c.id, c]));
  const primitives = new Map(catalog.list('primitive').map((p) => [p.id, p]));
  const patterns = catalog.list('pattern');
  const patternById = new Map(patterns.map((p) => [p.id, p]));
  const pitfalls = new Map<string, Pitfall[]>();
  const obligations = new Map<string, Obligation[]>();
  for (const id of [...capabilities.keys(), ...primitives.keys(), ...patternById.keys()]) {
    const refs = catalog.referencing(id);
    pitfalls.set(id, refs.filter((e): e is Pitfall => e.kind === 'pitfall'));
    obligations.set(id, refs.filter((e): e is Obligation => e.kind === 'obligation'));
  }
  return {
    canonical: (id) => canonical.get(normalizeId(id)),
    order: (id) => order.get(id) ?? Number.MAX_SAFE_INTEGER,
    name: (id) => names.get(id) ?? id,
    capability: (id) => capabilities.get(id),
    primitive: (id) => primitives.get(id),
    pattern: (id) => patternById.get(id),
    patterns,
    pitfalls: (id) => pitfalls.get(id) ?? [],
    obligations: (id) => obligations.get(id) ?? [],
  };
}
