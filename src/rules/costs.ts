import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { UserError } from '../errors.ts';

const usd = z.number().finite().nonnegative();

/** Unit costs behind the cost estimate of `assess` (all assumptions, in US dollars per month). */
export const CostTable = z.strictObject({
  note: z.string().optional(),
  /** One database node when the design is not partitioned. */
  databaseNodeUsdPerMonth: usd,
  /** One partition (shard) when P1 is in the design. */
  partitionUsdPerMonth: usd,
  /** Cache memory per GB. */
  cacheUsdPerGbMonth: usd,
  /** Cache memory = working set × this factor. */
  cacheMemoryFactor: z.number().finite().min(1),
  /** Share of the data that is hot enough to cache (Zipf: ~20% of keys take ~80% of reads). */
  cacheWorkingSetFraction: z.number().finite().gt(0).max(1),
  /** One partition of the durable log (P3). */
  streamPartitionUsdPerMonth: usd,
  /** Events per second one log partition carries (10 MB/s at ~1 KB per event). */
  streamEventsPerSecPerPartition: z.number().finite().positive(),
  /** Stored data per GB per copy. */
  storageUsdPerGbMonth: usd,
  /** Data size assumed for the cache when none is given. */
  defaultDataSizeGb: z.number().finite().nonnegative(),
  /** Fixed operating cost of running a primitive, by primitive id. */
  operationsUsdPerMonth: z.record(z.string().regex(/^P([1-9]|1[0-9]|20)$/), usd),
  /** The total is multiplied by 1 + this × the number of primitives (operational complexity). */
  complexityFactorPerPrimitive: z.number().finite().nonnegative(),
});
export type CostTable = z.infer<typeof CostTable>;

const CostOverride = CostTable.partial();

const defaultCostsFile = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'costs.json');
let defaults: CostTable | undefined;

/** The unit costs kept in data/costs.json (read and checked once). */
export function defaultCosts(): CostTable {
  defaults ??= CostTable.parse(JSON.parse(readFileSync(defaultCostsFile, 'utf8')));
  return defaults;
}

/**
 * The unit costs, with the JSON file at `path` (QUORUM_COSTS) merged over the defaults when given.
 * A missing, malformed or invalid file is a UserError naming the file and the field.
 */
export function loadCosts(path?: string): CostTable {
  const base = defaultCosts();
  if (!path) return base;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UserError('bad_costs', `cannot read the cost file ${path}: ${(err as Error).message}`, {
      hint: 'QUORUM_COSTS must name a JSON file such as {"partitionUsdPerMonth": 400}',
    });
  }
  const parsed = CostOverride.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || (issue && 'keys' in issue ? String(issue.keys) : '');
    throw new UserError('bad_costs', `the cost file ${path} is invalid${field ? ` at '${field}'` : ''}: ${issue?.message}`, {
      hint: `known fields: ${Object.keys(CostTable.shape).join(', ')}`,
    });
  }
  const override = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
  return {
    ...base,
    ...override,
    operationsUsdPerMonth: { ...base.operationsUsdPerMonth, ...(parsed.data.operationsUsdPerMonth ?? {}) },
  };
}
