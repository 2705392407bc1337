import { loadCatalog } from '../../src/catalog/catalog-loader.ts';
import type { Catalog } from '../../src/catalog/catalog.ts';
import { createSearch, type Search } from '../../src/catalog/search.ts';
import { createCore, type Core } from '../../src/dialog/core.ts';
import { createAssessor, type Assessor } from '../../src/rules/assessor.ts';
import type { DesignStore } from '../../src/dialog/ports/design-store.ts';
import { createMemoryStore } from '../../src/store/memory/memory-store.ts';
import { fixedClock, type FixedClock } from './fixed-clock.ts';

interface Framework {
  catalog: Catalog;
  search: Search;
  assessor: Assessor;
}

let framework: Promise<Framework> | undefined;

/** The real catalog, search and assessor, built once per test file. */
export function realFramework(): Promise<Framework> {
  framework ??= (async () => {
    const catalog = loadCatalog();
    return { catalog, search: createSearch(catalog), assessor: await createAssessor({ catalog }) };
  })();
  return framework;
}

/** A core over the real framework with a memory store (or the given one) and a fixed clock. */
export async function makeCore(options: { store?: DesignStore; clock?: FixedClock; sessionTtlMs?: number; errors?: unknown[] } = {}) {
  const clock = options.clock ?? fixedClock();
  const store = options.store ?? createMemoryStore({ now: clock.now });
  const core: Core = createCore({
    ...(await realFramework()),
    store,
    now: clock.now,
    ...(options.sessionTtlMs !== undefined ? { sessionTtlMs: options.sessionTtlMs } : {}),
    log: (err) => options.errors?.push(err),
  });
  return { core, store, clock };
}

/** Answers for every interview question, in order, for a checkout service. */
export const checkoutAnswers: readonly string[] = [
  'checkout service',
  'e-commerce',
  'let the domain decide',
  '2k',
  '40k',
  '3x',
  '200 GB',
  '99.99%',
  '100ms',
  '300ms',
  '1',
  '0 s',
  '1 min',
  'per key',
  'exactly once, publishes events',
  'none',
  'none',
  '20',
  '$20k',
];
