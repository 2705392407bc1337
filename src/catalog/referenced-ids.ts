import type { Entry } from './schema.ts';

/**
 * The ids a pitfall, case study, obligation or learning path names (its `related` list or its
 * steps' entries); the catalog's "who references whom" index is built from these. Other kinds name none.
 */
export function referencedIds(entry: Entry): readonly string[] {
  switch (entry.kind) {
    case 'pitfall':
    case 'case-study':
    case 'obligation':
      return entry.related;
    case 'path':
      return entry.steps.flatMap((step) => step.entries);
    default:
      return [];
  }
}
