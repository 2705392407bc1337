import type { Config } from './config.ts';
import { loadCatalog } from './catalog/catalog-loader.ts';
import { createSearch, type Search } from './catalog/search.ts';
import type { Catalog } from './catalog/catalog.ts';
import { createAssessor } from './rules/assessor.ts';
import { loadCosts } from './rules/costs.ts';
import { createCore, type Core } from './dialog/core.ts';
import { openStore } from './store/open-store.ts';

/** Everything the adapters share: the one core door and the stores behind it. */
export interface Quorum {
  core: Core;
  /** The framework and its search, for adapters that complete names as people type (Discord autocomplete). */
  catalog: Catalog;
  search: Search;
  stores: Awaited<ReturnType<typeof openStore>>;
  close(): Promise<void>;
}

/** Loads the catalog, rules and store named by the config and builds the core. */
export async function createQuorum(config: Config, log?: (err: unknown, context: unknown) => void): Promise<Quorum> {
  const catalog = loadCatalog();
  const search = createSearch(catalog);
  const costs = loadCosts(config.costsFile);
  const assessor = await createAssessor({ catalog, costs });
  const stores = await openStore(config.store);
  const core = createCore({
    catalog,
    search,
    assessor,
    store: stores.designs,
    sessionTtlMs: config.sessionTtlMs,
    ...(config.issueUrlTemplate && { issueUrlTemplate: config.issueUrlTemplate }),
    ...(log && { log }),
  });
  return { core, catalog, search, stores, close: () => stores.close() };
}
