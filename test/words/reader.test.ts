import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { readWords, statedFieldCount } from '../../src/rules/parse-requirements.ts';
import { RequirementsShape } from '../../src/rules/requirements.ts';
import { formatScore, loadDescriptions, score } from './accuracy.ts';

const table = loadDescriptions();
const known = new Set(Object.keys(RequirementsShape.shape));
// Fields the requirements schema does not hold cannot be read yet; they are left out of the score, not counted right.
const assessable = table.map((row) => ({ ...row, fields: Object.fromEntries(Object.entries(row.fields).filter(([f]) => known.has(f))) }));

describe('the reader of requirements in words', () => {
  it('reads at least 95 % of the fields the descriptions table states, and flips no yes/no', () => {
    expect(table.length).toBeGreaterThanOrEqual(60);
    const result = score(assessable, (text) => readWords(text).requirements);
    expect(result.right / result.total, `${formatScore(result)}\n${JSON.stringify(result.misses, null, 1)}`).toBeGreaterThanOrEqual(0.95);
    expect(result.flippedNegations).toBe(0);
  });

  it('gives a name from the words the description opens with', () => {
    for (const row of table.filter((r) => r.name !== undefined)) expect(readWords(row.text).name).toBe(row.name);
    expect(readWords('p99 under 50 ms, 4 nines').name).toBeUndefined();
    expect(readWords('Not multi tenant. No exactly once.').name).toBeUndefined();
  });

  it('reads a negation as false and a hedge as the number', () => {
    expect(readWords('about 3k writes a second, not multi-tenant, no need for exactly-once, we do not publish events').requirements).toEqual({
      writesPerSec: 3000,
      multiTenant: false,
      exactlyOnce: false,
      publishesEvents: false,
    });
  });

  it('keeps a denial to its own verb: a circumstance after it is stated, not denied', () => {
    expect(readWords('ticket inventory that never oversells under heavy contention').requirements).toMatchObject({ highContention: true });
    expect(readWords('the counters are not under heavy contention').requirements).toMatchObject({ highContention: false });
    expect(readWords('no need for exactly-once').requirements).toEqual({ exactlyOnce: false });
  });

  it('reads a time said in words: "one year", "two months", "for a year", "under a millisecond"', () => {
    expect(readWords('keep history for one year').requirements).toEqual({ retentionDays: 365 });
    expect(readWords('keep history for a year').requirements).toEqual({ retentionDays: 365 });
    expect(readWords('retain logs for two months').requirements).toEqual({ retentionDays: 60 });
    expect(readWords('reads under a millisecond').requirements).toEqual({ readLatencyMs: 1 });
    expect(readWords('RPO of one minute, RTO under an hour').requirements).toEqual({ rpoSec: 60, rtoSec: 3600 });
    // "a" is one only before a time unit after for, under …: prose stays prose.
    expect(readWords('one of the services calls a partner, keep it for a while').requirements).toEqual({});
  });

  it('takes the upper bound of a range and says so', () => {
    const read = readWords('2–5k writes/s');
    expect(read.requirements).toEqual({ writesPerSec: 5000 });
    expect(read.readings[0]?.note).toBe('took the upper bound of 2,000/s–5,000/s');
  });

  it('reads a rate said only as a peak as the rate, and a peak beside a normal rate as the peak factor', () => {
    expect(readWords('writes peak at 9k/s').requirements).toEqual({ writesPerSec: 9000 });
    expect(readWords('12k writes/s normally, 60k at peak').requirements).toEqual({ writesPerSec: 12000, peakFactor: 5 });
  });

  it('never gives a number to a field its unit does not name', () => {
    expect(readWords('1M writes/s').requirements).toEqual({ writesPerSec: 1e6 });
    expect(readWords('p99 read 100ms').requirements).toEqual({ readLatencyMs: 100 });
    expect(readWords('2 million devices, 3 teams, Node 20, k8s, v2').requirements).toEqual({});
    expect(readWords('at most 1% of requests may fail').requirements).toEqual({});
  });

  it('counts per day and per month over a 30-day month, and a TB as 1,000 GB', () => {
    expect(readWords('8.64M events a day').requirements).toEqual({ writesPerSec: 100 });
    expect(readWords('2.592M orders a month').requirements).toEqual({ writesPerSec: 1 });
    expect(readWords('3 TB of data').requirements).toEqual({ dataSizeGb: 3000 });
  });

  it('reads availability in every common form', () => {
    for (const [text, value] of [['four nines', 0.9999], ['5 9s', 0.99999], ['99.95', 0.9995], ['99.99%', 0.9999], ['three and a half nines', 0.9995], ['99.9 % uptime', 0.999]] as const) {
      expect(readWords(text).requirements, text).toEqual({ availability: value });
    }
  });

  it('counts regions named in a list, and leaves "us" the pronoun alone', () => {
    expect(readWords('EU and US').requirements).toEqual({ regions: 2 });
    expect(readWords('eu-west-1 + us-east-1 + ap-southeast-2').requirements).toEqual({ regions: 3 });
    expect(readWords('two regions').requirements).toEqual({ regions: 2 });
    expect(readWords('tell us more about it').requirements).toEqual({});
  });

  it('says which words it skipped and why', () => {
    const read = readWords('social feed, banana, 30 s, 5x');
    expect(read.requirements).toEqual({ domain: 'social' });
    expect(read.skipped).toEqual([
      '"banana"',
      '"30 s" (a time, but not of what (say RPO, RTO, p99, stale or kept))',
      '"5x" (a factor, but of what (say "peaks at 3x"))',
    ]);
  });

  it('says how many fields a text states, so a question with none is not taken for requirements', () => {
    expect(statedFieldCount('what is CAP?')).toBe(0);
    expect(statedFieldCount('a payments ledger, 3k writes/s, four nines')).toBe(3);
  });

  it('refuses a description over 4,000 characters and returns only valid values for any other text', () => {
    expect(() => readWords('20k writes/s, '.repeat(400))).toThrow(UserError);
    const pieces = fc.constantFrom('3k', 'writes', 'reads', '/s', 'per', 'day', '99.9', '%', 'nines', 'four', 'not', 'no', 'ms', 'p99', 'eu', '+', 'US', 'and', ',', '-', '2', 'to', '5', 'x', 'peak', 'TB', '$', 'regions', 'multi-tenant', 'x'.repeat(700), 'eu + ');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 120 }), (parts) => {
        const text = parts.join(' ').slice(0, 4000);
        const read = readWords(text);
        expect(RequirementsShape.partial().safeParse(read.requirements).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
