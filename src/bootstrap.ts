import type { Config } from './config.ts';
import { loadCatalog } from './catalog/catalog-loader.ts';
import { lazySearch, type Search } from './catalog/search.ts';
import type { Catalog } from './catalog/catalog.ts';
import { createAssessor } from './rules/assessor.ts';
import { loadCosts } from './rules/costs.ts';
import { createCore, type Core } from './dialog/core.ts';
import { openStore } from './store/open-store.ts';
import type { Metrics } from './ops/metrics.ts';
import { observeStore } from './ops/observe-store.ts';

/** Everything the adapters share: the one core door and the stores behind it. */
export interface Quorum {
  core: Core;
  /** The framework and its search, for adapters that complete names as people type (Discord autocomplete). */
  catalog: Catalog;
  search: Search;
  stores: Awaited<ReturnType<typeof openStore>>;
  close(): Promise<void>;
}

/**
 * Loads the catalog, rules and store named by the config and builds the core. With `storeMetrics`,
 * every store call is timed (operations' store latency).
 */
export async function createQuorum(
  config: Config,
  log?: (err: unknown, context: unknown) => void,
  storeMetrics?: Pick<Metrics, 'storeCall'>,
): Promise<Quorum> {
  const catalog = loadCatalog();
  const search = lazySearch(catalog);
  const costs = loadCosts(config.costsFile);
  const assessor = await createAssessor({ catalog, costs });
  const opened = await openStore(config.store);
  const stores = storeMetrics
    ? {
        ...opened,
        designs: observeStore(opened.designs, storeMetrics),
        dedup: observeStore(opened.dedup, storeMetrics),
        installations: observeStore(opened.installations, storeMetrics),
      }
    : opened;
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
