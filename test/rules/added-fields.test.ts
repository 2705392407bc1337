import { describe, expect, it } from 'vitest';
import { parseFieldValue } from '../../src/rules/field-kinds.ts';
import { Requirements } from '../../src/rules/requirements.ts';

describe('the added assess input fields', () => {
  it('accepts every added field with its type', () => {
    const parsed = Requirements.parse({
      search: true,
      geoQueries: false,
      adHocQueries: true,
      staticContent: true,
      objectSizeKb: 500,
      hotKeys: true,
      fanOut: 5000,
      retentionDays: 365,
      dependencies: 4,
      availabilityZones: 3,
      coordination: false,
    });
    expect(parsed.fanOut).toBe(5000);
    expect(parsed.availabilityZones).toBe(3);
  });

  it('rejects a wrong type or an impossible value, naming the field', () => {
    for (const bad of [
      { search: 'yes' },
      { hotKeys: 1 },
      { objectSizeKb: 0 },
      { fanOut: -1 },
      { retentionDays: 0 },
      { dependencies: 2.5 },
      { dependencies: -1 },
      { availabilityZones: 0 },
      { availabilityZones: 11 },
    ]) {
      const result = Requirements.safeParse(bad);
      expect(result.success, JSON.stringify(bad)).toBe(false);
      expect(result.error?.issues[0]?.path[0]).toBe(Object.keys(bad)[0]);
    }
  });

  it('reads retention in days from days, weeks, months, years and hours', () => {
    expect(parseFieldValue('retentionDays', '90 days')).toBe(90);
    expect(parseFieldValue('retentionDays', '90')).toBe(90);
    expect(parseFieldValue('retentionDays', '2 weeks')).toBe(14);
    expect(parseFieldValue('retentionDays', '6 months')).toBe(180);
    expect(parseFieldValue('retentionDays', '7 years')).toBe(2555);
    expect(parseFieldValue('retentionDays', '48h')).toBe(2);
  });

  it('reads an item size in KB, a bare number being KB', () => {
    expect(parseFieldValue('objectSizeKb', '2 KB')).toBe(2);
    expect(parseFieldValue('objectSizeKb', '300')).toBe(300);
    expect(parseFieldValue('objectSizeKb', '1.5 MB')).toBe(1500);
    expect(parseFieldValue('objectSizeKb', '500 bytes')).toBe(0.5);
  });

  it('reads fan-out and counts with scale words and nouns', () => {
    expect(parseFieldValue('fanOut', '1M')).toBe(1_000_000);
    expect(parseFieldValue('fanOut', '200 followers')).toBe(200);
    expect(parseFieldValue('dependencies', '12')).toBe(12);
    expect(parseFieldValue('availabilityZones', '3')).toBe(3);
    expect(parseFieldValue('search', 'yes')).toBe(true);
    expect(() => parseFieldValue('availabilityZones', '0')).toThrow(/availabilityZones/);
  });
});
