import { readScaled } from './number.ts';
import { badValue, prepare, quote } from './text.ts';

const KNOWN_REGIONS = new Set([
  'us', 'usa', 'eu', 'europe', 'uk', 'apac', 'asia', 'emea', 'latam', 'na', 'north america', 'south america',
  'sa', 'africa', 'me', 'middle east', 'au', 'australia', 'anz', 'oceania', 'japan', 'jp', 'india', 'china',
  'cn', 'canada', 'brazil', 'br', 'germany', 'de', 'france', 'fr', 'singapore', 'sg', 'korea', 'kr', 'ireland',
  'frankfurt', 'london', 'tokyo', 'sydney', 'mumbai', 'virginia', 'oregon', 'ohio', 'california', 'paris',
  'us east', 'us west', 'us central', 'east us', 'west us', 'east', 'west', 'central', 'north', 'south',
]);
// Cloud region codes: aws us-east-1, gcp europe-west1, azure eastus2.
const REGION_CODE = /^(?:[a-z]{2,12}(?:-[a-z]+){1,2}-?\d{0,2}|(?:east|west|north|south|central)[a-z]*\d?)$/;
const SEPARATOR = /\s*(?:\+|,|&|\/|\band\b|\bplus\b)\s*/;

/**
 * Reads how many regions a system runs in: a count (`3`, `3 regions`, `three`, `single region`)
 * or a list of region names (`eu + us`, `us, eu and apac`, `us-east-1 and eu-west-1`).
 */
export function parseRegions(text: string, label = 'regions'): number {
  const prepared = prepare(text, label, '3 or "eu + us"');
  const hint = 'write a count such as 3, or region names such as "eu + us" or "us, eu and apac"';
  const counted = /^(.+?)(?: regions?)?$/.exec(prepared)?.[1] ?? prepared;
  if (counted === 'single' || counted === 'one') return 1;
  if (/^-\s*[\d.]/.test(counted)) throw badValue(`${label} cannot be negative (${quote(text)}); ${hint}`);
  const count = readScaled(counted);
  if (count !== undefined) {
    if (!Number.isInteger(count)) throw badValue(`${label} must be a whole number, not ${quote(text)}`);
    return count;
  }
  const names = prepared.split(SEPARATOR).filter((name) => name !== '');
  const unknown = names.find((name) => !KNOWN_REGIONS.has(name) && !REGION_CODE.test(name));
  if (names.length === 0 || unknown !== undefined) {
    throw badValue(`I could not read ${quote(unknown ?? text)} as a region; ${hint}`);
  }
  return new Set(names).size;
}
