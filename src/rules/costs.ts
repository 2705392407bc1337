import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { UserError } from '../errors.ts';
import { dataPath } from '../project-paths.ts';
import { checkData } from '../checked-data.ts';
import { checkedOnce } from '../checked-once.ts';

const usd = z.number().finite().nonnegative();
const positive = z.number().finite().positive();
const fraction = z.number().finite().gt(0).max(1);

/** Sizing defaults stated in every explain (interface.md "Readings": defaults live in data beside the unit costs). */
export const SizingDefaults = z.strictObject({
  appRequestsPerSecPerNode: positive,
  cacheHitRatio: fraction,
  cacheHitRatioForTightBudget: fraction,
  workingSetFraction: fraction,
  workingSetFractionForTightBudget: fraction,
  cacheMemoryFactor: z.number().finite().min(1),
  cacheWorkingSetGbWhenUnknown: positive,
  storeReadP99Ms: positive,
  cacheReadP99Ms: positive,
  hopMs: positive,
  replicaAckMs: usd,
  dependencyCallMs: usd,
  interRegionKm: positive,
  searchIndexGbPerNode: positive,
  analyticsCompression: z.number().finite().min(1),
  analyticsGbPerNode: positive,
  brokerMBps: positive,
  logRetentionDaysDefault: positive,
  logReplication: z.number().int().min(1).max(7),
  eventKbDefault: positive,
  objectKbDefault: positive,
  workerItemsPerSec: positive,
  leaderFailuresPerYear: usd,
  failoverSec: usd,
  zoneAvailability: fraction,
  regionAvailability: fraction,
  dependencyAvailability: fraction,
  statelessNodes: z.number().int().min(1).max(100),
});
export type SizingDefaults = z.infer<typeof SizingDefaults>;

/** Unit prices behind the cost estimate of `assess` (US dollars per month unless named otherwise), with their sources. */
export const CostTable = z.strictObject({
  note: z.string().optional(),
  appNodeUsdPerMonth: usd,
  databaseNodeUsdPerMonth: usd,
  cacheNodeUsdPerMonth: usd,
  cacheNodeMemoryGb: positive,
  searchNodeUsdPerMonth: usd,
  analyticsNodeUsdPerMonth: usd,
  brokerUsdPerMonth: usd,
  coordinatorNodeUsdPerMonth: usd,
  loadBalancerUsdPerMonth: usd,
  databaseStorageUsdPerGbMonth: usd,
  blockStorageUsdPerGbMonth: usd,
  objectStorageUsdPerGbMonth: usd,
  crossRegionUsdPerGb: usd,
  /** CDN transfer out priced by monthly volume; the last tier has no upper bound (null). */
  cdnTiers: z.array(z.strictObject({ upToGb: positive.nullable(), usdPerGb: usd })).min(1),
  /** A fixed monthly amount for each separately operated (not managed) distributed service. */
  operatedServiceUsdPerMonth: usd,
  /** Where each unit price comes from. */
  sources: z.record(z.string(), z.string()),
  sizing: SizingDefaults,
  sizingSources: z.record(z.string(), z.string()),
});
export type CostTable = z.infer<typeof CostTable>;

const CostOverride = CostTable.extend({ sizing: SizingDefaults.partial() }).partial();

const defaultCostsFile = dataPath('costs.json');
let defaults: CostTable | undefined;

/** The unit costs kept in data/costs.json (read and checked once). */
export function defaultCosts(): CostTable {
  if (!defaults) {
    const text = readFileSync(defaultCostsFile, 'utf8');
    defaults = checkData('costs.json', text, () => CostTable.parse(JSON.parse(text), checkedOnce));
  }
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
      hint: 'QUORUM_COSTS must name a JSON file such as {"databaseNodeUsdPerMonth": 400}',
    });
  }
  const parsed = CostOverride.safeParse(raw, checkedOnce);
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
    sources: { ...base.sources, ...(parsed.data.sources ?? {}) },
    sizing: { ...base.sizing, ...Object.fromEntries(Object.entries(parsed.data.sizing ?? {}).filter(([, v]) => v !== undefined)) },
    sizingSources: { ...base.sizingSources, ...(parsed.data.sizingSources ?? {}) },
  };
}
