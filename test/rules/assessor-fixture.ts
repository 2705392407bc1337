import { loadCatalog } from '../../src/catalog/catalog-loader.ts';
import type { Catalog } from '../../src/catalog/catalog.ts';
import { createAssessor, type Assessor } from '../../src/rules/assessor.ts';

let catalog: Catalog | undefined;
let assessor: Promise<Assessor> | undefined;

/** The real catalog, loaded once for the rules tests. */
export function realCatalog(): Catalog {
  catalog ??= loadCatalog();
  return catalog;
}

/** One assessor over the real catalog and rules, shared by the rules tests. */
export function realAssessor(): Promise<Assessor> {
  assessor ??= createAssessor({ catalog: realCatalog() });
  return assessor;
}
