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
  it('loads the defaults from data/costs.json when no override is named', () => {
    expect(loadCosts()).toEqual(defaultCosts());
    expect(defaultCosts().partitionUsdPerMonth).toBe(500);
  });

  it('merges an override file over the defaults, per primitive for operating costs', () => {
    const costs = loadCosts(file('{"partitionUsdPerMonth": 400, "operationsUsdPerMonth": {"P5": 9000}}'));
    expect(costs.partitionUsdPerMonth).toBe(400);
    expect(costs.operationsUsdPerMonth.P5).toBe(9000);
    expect(costs.operationsUsdPerMonth.P1).toBe(defaultCosts().operationsUsdPerMonth.P1);
    expect(costs.cacheUsdPerGbMonth).toBe(defaultCosts().cacheUsdPerGbMonth);
  });

  it('rejects an override with an unknown field or a negative cost, naming the problem', () => {
    expect(() => loadCosts(file('{"partitionCost": 1}'))).toThrow(UserError);
    expect(() => loadCosts(file('{"partitionCost": 1}'))).toThrow(/partitionCost/);
    expect(() => loadCosts(file('{"cacheUsdPerGbMonth": -1}'))).toThrow(/cacheUsdPerGbMonth/);
  });

  it('rejects a missing or malformed file as a user error', () => {
    expect(() => loadCosts('/nonexistent/costs.json')).toThrow(UserError);
    expect(() => loadCosts(file('{oops'))).toThrow(/cannot read the cost file/);
  });
});
