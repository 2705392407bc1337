import type { CostTable } from '../costs.ts';
import { fmt } from '../validation/capacity.ts';

/** One line of the cost breakdown: what it is, its monthly price, and the formula with the unit prices put in. */
export interface CostItem {
  item: string;
  usd: number;
  formula: string;
}

/** CDN transfer priced over the volume tiers of the cost table (each GB at the price of the tier it falls in). */
export function cdnCost(gb: number, costs: CostTable): { usd: number; formula: string } {
  let left = gb;
  let floor = 0;
  let usd = 0;
  const parts: string[] = [];
  for (const tier of costs.cdnTiers) {
    if (left <= 0) break;
    const size = tier.upToGb === null ? left : Math.min(left, tier.upToGb - floor);
    if (size > 0) {
      usd += size * tier.usdPerGb;
      parts.push(`${fmt(Math.round(size))} GB × $${tier.usdPerGb}`);
      left -= size;
    }
    if (tier.upToGb !== null) floor = tier.upToGb;
  }
  return { usd, formula: parts.join(' + ') };
}
