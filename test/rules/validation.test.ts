import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/rules/assessment.ts';
import { realAssessor } from './assessor-fixture.ts';
import type { Requirements } from '../../src/rules/requirements.ts';

async function checks(r: Requirements): Promise<Record<string, Check>> {
  const { assessment } = await (await realAssessor()).assess(r);
  return Object.fromEntries(assessment.validation.checks.map((c) => [c.id, c]));
}

describe('validation figures', () => {
  it('computes write capacity from partitions at 20000 writes/s each with 0.7 headroom', async () => {
    const c = await checks({ consistency: 'eventual', writesPerSec: 30000, peakFactor: 2 });
    // 60000 writes/s at peak → ⌈60000 / 14000⌉ = 5 partitions → 5 × 20000 × 0.7 = 70000
    expect(c.throughput).toMatchObject({ required: 60000, calculated: 70000, unit: 'writes/s', pass: true });
    expect(c.throughput!.explain).toContain('min(P1 5 partitions × 20000 = 100000) × 0.7 = 70000');
    expect(c.partitions).toMatchObject({ required: 5, calculated: 5, pass: true });
  });

  it('fails throughput when one consensus group cannot take the peak, and says what to add', async () => {
    const c = await checks({ consistency: 'linearizable', writesPerSec: 9000 });
    // single consensus group: min(50000, 10000) × 0.7 = 7000 < 9000
    expect(c.throughput).toMatchObject({ required: 9000, calculated: 7000, pass: false });
    expect(c.throughput!.explain).toContain('add P1');
  });

  it('computes availability as k of n with a majority quorum when consensus is in the design', async () => {
    const c = await checks({ consistency: 'linearizable', availability: 0.9999 });
    // P(≥2 of 3 up) at a = 0.995: a³ + 3a²(1−a) = 0.985074875 + 0.014850375 = 0.99992525
    expect(c.availability!.calculated).toBeCloseTo(0.99992525, 8);
    expect(c.availability).toMatchObject({ required: 0.9999, pass: true });
    expect(c.availability!.explain).toContain('quorum 2 (majority for P5)');
  });

  it('reports failing availability and the replicas that would meet the target', async () => {
    const c = await checks({ availability: 0.9999, rpoSec: 10, nodeAvailability: 0.99, replicas: 2 });
    // two copies at 0.99: 1 − 0.01² = 0.9999; five nines needs three: 1 − 0.01³ = 0.999999
    expect(c.availability!.calculated).toBeCloseTo(0.9999, 8);
    const failing = await checks({ availability: 0.99999, rpoSec: 10, nodeAvailability: 0.99, replicas: 2 });
    expect(failing.availability!.pass).toBe(false);
    expect(failing.availability!.explain).toContain('3 replicas would meet it');
  });

  it('flags an even number of consensus voters', async () => {
    const c = await checks({ consistency: 'linearizable', replicas: 4 });
    expect(c.replicas).toMatchObject({ calculated: 4, pass: false });
  });

  it('adds light in fibre between regions to linearizable writes, stating the distance assumed', async () => {
    const c = await checks({ consistency: 'linearizable', regions: 2, writeLatencyMs: 10 });
    // 1 ms hop + 2 ms consensus + 2 × 2000 km / 200 km/ms = 20 ms → 23 ms > 10 ms
    expect(c.latency).toMatchObject({ required: 10, calculated: 23, unit: 'ms', pass: false });
    expect(c.latency!.explain).toContain('assuming 2000 km between regions');
  });

  it('shows the cost without a budget as not judged (pass null), and compares with a budget when given', async () => {
    const none = await checks({ domain: 'general', writesPerSec: 100 });
    expect(none.cost).toMatchObject({ required: null, pass: null, unit: 'USD/month' });
    expect(none.cost!.explain).toContain('no budget given');
    // one node × $500 × 1 copy, no primitives → $500
    expect(none.cost!.calculated).toBe(500);
    const tight = await checks({ domain: 'general', writesPerSec: 100, budgetUsdPerMonth: 100 });
    expect(tight.cost).toMatchObject({ required: 100, calculated: 500, pass: false });
  });

  it('uses unit costs given to the assessor instead of the defaults', async () => {
    const { createAssessor } = await import('../../src/rules/assessor.ts');
    const { loadCosts } = await import('../../src/rules/costs.ts');
    const { realCatalog } = await import('./assessor-fixture.ts');
    const assessor = await createAssessor({ catalog: realCatalog(), costs: { ...loadCosts(), databaseNodeUsdPerMonth: 42 } });
    const { assessment } = await assessor.assess({ domain: 'general', writesPerSec: 100 });
    expect(assessment.validation.checks.find((c) => c.id === 'cost')!.calculated).toBe(42);
  });
});
