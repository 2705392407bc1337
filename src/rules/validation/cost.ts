import type { Check } from '../assessment.ts';
import type { CostTable } from '../costs.ts';
import { capacity, fmt } from './capacity.ts';
import type { Sizing } from './sizing.ts';

const usd = (v: number) => `$${fmt(Math.round(v))}`;

/**
 * A monthly cost estimate from the unit costs (assumptions, overridable): database nodes or partitions
 * times copies, stored data, cache memory, log partitions and the fixed cost of operating each primitive,
 * times regions, times 1 + 0.1 per primitive for operational complexity; against the budget.
 */
export function costCheck(s: Sizing, primitives: readonly string[], dataSizeGb: number | undefined, budget: number | undefined, costs: CostTable): Check {
  const terms: string[] = [];
  let subtotal = 0;
  const copies = s.replicas;
  const db = s.has('P1') ? s.partitions * costs.partitionUsdPerMonth : costs.databaseNodeUsdPerMonth;
  subtotal += db * copies;
  terms.push(
    s.has('P1')
      ? `${s.partitions} partitions × ${usd(costs.partitionUsdPerMonth)} × ${copies} copies = ${usd(db * copies)}`
      : `1 database node × ${usd(costs.databaseNodeUsdPerMonth)} × ${copies} cop${copies > 1 ? 'ies' : 'y'} = ${usd(db * copies)}`,
  );
  if (dataSizeGb !== undefined && dataSizeGb > 0) {
    const storage = dataSizeGb * copies * costs.storageUsdPerGbMonth;
    subtotal += storage;
    terms.push(`storage ${fmt(dataSizeGb)} GB × ${copies} × $${costs.storageUsdPerGbMonth} = ${usd(storage)}`);
  }
  if (s.has('P11')) {
    const data = dataSizeGb ?? costs.defaultDataSizeGb;
    const memory = data * costs.cacheWorkingSetFraction * costs.cacheMemoryFactor;
    subtotal += memory * costs.cacheUsdPerGbMonth;
    terms.push(
      `cache ${fmt(data)} GB${dataSizeGb === undefined ? ' (assumed)' : ''} × ${costs.cacheWorkingSetFraction} hot × ${costs.cacheMemoryFactor} = ${fmt(memory)} GB × $${costs.cacheUsdPerGbMonth} = ${usd(memory * costs.cacheUsdPerGbMonth)}`,
    );
  }
  if (s.has('P3')) {
    const parts = Math.max(1, Math.ceil((s.peakWrites ?? 0) / (costs.streamEventsPerSecPerPartition * capacity.headroom)));
    subtotal += parts * costs.streamPartitionUsdPerMonth;
    terms.push(`log ${parts} partition${parts > 1 ? 's' : ''} × ${usd(costs.streamPartitionUsdPerMonth)} = ${usd(parts * costs.streamPartitionUsdPerMonth)}`);
  }
  const operated = primitives.filter((p) => (costs.operationsUsdPerMonth[p] ?? 0) > 0);
  const ops = operated.reduce((sum, p) => sum + (costs.operationsUsdPerMonth[p] ?? 0), 0);
  if (ops > 0) {
    subtotal += ops;
    terms.push(`operating ${operated.map((p) => `${p} ${usd(costs.operationsUsdPerMonth[p] ?? 0)}`).join(' + ')} = ${usd(ops)}`);
  }
  const complexity = 1 + costs.complexityFactorPerPrimitive * primitives.length;
  const total = Math.round(subtotal * s.regions * complexity);
  const formula = `(${terms.join(' + ')}) = ${usd(subtotal)} × ${s.regions} region${s.regions > 1 ? 's' : ''} × (1 + ${costs.complexityFactorPerPrimitive} × ${primitives.length} primitives) = ${usd(total)}/month (unit costs are assumptions)`;
  if (budget === undefined) {
    return { id: 'cost', required: null, calculated: total, unit: 'USD/month', pass: null, explain: `${formula}; no budget given` };
  }
  const pass = total <= budget;
  return { id: 'cost', required: budget, calculated: total, unit: 'USD/month', pass, explain: `${formula} ${pass ? '≤' : '>'} budget ${usd(budget)}` };
}
