import type { Check } from '../assessment.ts';
import type { CostItem } from '../architecture/cost-items.ts';
import { fmt } from './capacity.ts';

const usd = (v: number) => `$${fmt(Math.round(v))}`;

/**
 * The monthly cost: the sum of the architecture's priced lines (nodes, storage, memory, log, transfer,
 * operated services, each with its unit price from data/costs.json), against the budget; the
 * breakdown lists the drivers largest first.
 */
export function costCheck(items: readonly CostItem[], budget: number | undefined): Check {
  const total = Math.round(items.reduce((sum, i) => sum + i.usd, 0));
  const breakdown = items.map((i) => ({ item: i.item, usd: Math.round(i.usd), formula: i.formula }));
  const top = breakdown.slice(0, 4).map((b) => `${b.item} ${usd(b.usd)}`).join(' + ');
  const formula = `total = Σ ${items.length} priced lines = ${usd(total)}/month (largest: ${top || 'none'}; AWS list prices of the cost table, each line's formula in the breakdown)`;
  if (budget === undefined) {
    return { id: 'cost', required: null, calculated: total, unit: 'USD/month', pass: null, explain: `${formula}; no budget given`, breakdown };
  }
  const pass = total <= budget;
  return { id: 'cost', required: budget, calculated: total, unit: 'USD/month', pass, explain: `${formula} ${pass ? '≤' : '>'} budget ${usd(budget)}`, breakdown };
}
