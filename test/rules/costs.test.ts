import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { defaultCosts, loadCosts } from '../../src/rules/costs.ts';

function file(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'quorum-costs-')), 'costs.json');
  writeFileSync(path, content);
  return path;
}

describe('unit costs', () => {
  it('loads the defaults from data/costs.json when no override is named, each unit price with its source', () => {
    expect(loadCosts()).toEqual(defaultCosts());
    expect(defaultCosts().databaseNodeUsdPerMonth).toBe(330);
    const priced = Object.keys(defaultCosts()).filter((k) => k.endsWith('UsdPerMonth') || k.endsWith('UsdPerGbMonth') || k.endsWith('UsdPerGb') || k === 'cdnTiers');
    for (const key of priced) expect(defaultCosts().sources[key], key).toBeTruthy();
  });

  it('merges an override file over the defaults, sizing defaults key by key', () => {
    const costs = loadCosts(file('{"databaseNodeUsdPerMonth": 400, "sizing": {"failoverSec": 10}}'));
    expect(costs.databaseNodeUsdPerMonth).toBe(400);
    expect(costs.sizing.failoverSec).toBe(10);
    expect(costs.sizing.leaderFailuresPerYear).toBe(defaultCosts().sizing.leaderFailuresPerYear);
    expect(costs.cacheNodeUsdPerMonth).toBe(defaultCosts().cacheNodeUsdPerMonth);
  });

  it('rejects an override with an unknown field or a negative cost, naming the problem', () => {
    expect(() => loadCosts(file('{"partitionCost": 1}'))).toThrow(UserError);
    expect(() => loadCosts(file('{"partitionCost": 1}'))).toThrow(/partitionCost/);
    expect(() => loadCosts(file('{"cacheNodeUsdPerMonth": -1}'))).toThrow(/cacheNodeUsdPerMonth/);
  });

  it('rejects a missing or malformed file as a user error', () => {
    expect(() => loadCosts('/nonexistent/costs.json')).toThrow(UserError);
    expect(() => loadCosts(file('{oops'))).toThrow(/cannot read the cost file/);
  });
});
