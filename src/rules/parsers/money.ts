import { readNonNegative } from './quantity.ts';
import { badValue, prepare, quote, tidy } from './text.ts';

const HINT = 'write US dollars a month such as $5k, 5000 usd/month or "$60k a year"';

/** Reads a monthly budget in US dollars: `$5k`, `5000 usd/month`, `$5,000 per month`, `$60k/year` (÷ 12). */
export function parseMoney(text: string, label = 'the budget'): number {
  let rest = prepare(text, label, '$5k');
  if (/[€£¥₹]|\b(?:eur|euros?|gbp|pounds?|yen|jpy|inr)\b/.test(rest)) {
    throw badValue(`${label} is in US dollars; convert ${quote(text)} and ${HINT}`);
  }
  let months = 1;
  const period = /(?:\s*\/\s*|\s+(?:per|an?|each|every)\s+)(month|mo|mon|year|yr|annum)$|\s+(monthly|yearly|annually)$/.exec(rest);
  if (period) {
    const unit = period[1] ?? period[2] ?? '';
    months = /^(?:year|yr|annum|yearly|annually)$/.test(unit) ? 12 : 1;
    rest = rest.slice(0, period.index);
  }
  rest = rest.replace(/^(?:us\s?)?\$\s*/, '').replace(/\s*(?:usd|us dollars|dollars?|bucks)$/, '');
  if (rest === '' ) throw badValue(`I could not read ${quote(text)} as ${label}; ${HINT}`);
  return tidy(readNonNegative(rest, text, label, HINT) / months);
}
