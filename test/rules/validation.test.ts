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

  it('keeps strong consistency within one partition on one leader, and runs consensus per partition beyond it', async () => {
    const one = await checks({ consistency: 'linearizable', writesPerSec: 9000 });
    // one leader is one partition: 20000 × 0.7 = 14000 ≥ 9000, no consensus on the data path
    expect(one.throughput).toMatchObject({ required: 9000, calculated: 14000, pass: true });
    expect(one.replicas).toBeUndefined();
    const sharded = await checks({ consistency: 'linearizable', writesPerSec: 30000 });
    // model ⌈30000 / 14000⌉ = 3, consensus groups ⌈30000 / 7000⌉ = 5 → 5 partitions: min(100000, 50000) × 0.7 = 35000
    expect(sharded.throughput).toMatchObject({ required: 30000, calculated: 35000, pass: true });
    expect(sharded.partitions).toMatchObject({ required: 3, calculated: 5, pass: true });
    expect(sharded.replicas).toMatchObject({ calculated: 3, pass: true });
  });

  it('composes availability over the request path: entry, app, store, failover and region', async () => {
    const c = await checks({ consistency: 'linearizable', availability: 0.9999 });
    // entry 1 − 0.005² = 0.999975, app 0.999975, store 1 of 3 = 1 − 0.005³, failover 1 − 2 × 30 / 31536000,
    // region 0.99999: product = 0.99993797
    expect(c.availability!.calculated).toBeCloseTo(0.99993797, 8);
    expect(c.availability).toMatchObject({ required: 0.9999, pass: true });
    expect(c.availability!.explain).toContain('leader failover 2/yr × 30 s');
  });

  it('never passes five nines in one region, and names the regions that would meet it', async () => {
    const c = await checks({ consistency: 'linearizable', availability: 0.99999 });
    expect(c.availability!.pass).toBe(false);
    expect(c.availability!.explain).toContain('meets it with 3 replicas over 3 zones in 2 regions');
  });

  it('caps a path with thirty bare dependencies near 99.7 %', async () => {
    const replicated = await checks({ availability: 0.999, dependencies: 30 });
    // HighAvailability brings replicas: 0.99993797 (entry, app, 3 replicas, failover, region) × 0.9999^30 = 0.99694251
    expect(replicated.availability!.calculated).toBeCloseTo(0.99694251, 7);
    expect(replicated.availability!.pass).toBe(false);
    expect(replicated.availability!.explain).toContain('30 dependencies × 0.9999 0.997004');
    expect(replicated.availability!.explain).toContain('meets it with 3 replicas over 3 zones in 2 regions');
    const strict = await checks({ availability: 0.999, dependencies: 30, writesPerSec: 10, availabilityZones: 1 });
    expect(strict.availability!.calculated).toBeLessThan(0.997);
    expect(replicated.availability!.explain).toContain('30 dependencies × 0.9999');
  });

  it('flags an even number of consensus voters', async () => {
    const c = await checks({ consistency: 'linearizable', replicas: 4, writesPerSec: 30000 });
    expect(c.replicas).toMatchObject({ calculated: 4, pass: false });
  });

  it('adds consensus and light in fibre between regions to linearizable writes, stating the distance assumed', async () => {
    const c = await checks({ consistency: 'linearizable', regions: 2, writeLatencyMs: 10 });
    // 3 hops 3 ms + store 20 ms + synchronous replica 1 ms + consensus 10 ms + 2 × 2000 km / 200 km/ms = 20 ms → 54 ms
    expect(c.latency).toMatchObject({ required: 10, calculated: 54, unit: 'ms', pass: false });
    expect(c.latency!.explain).toContain('cross-region round trip 2 × 2000 km / 200 km/ms = 20 ms');
  });

  it('shows the cost without a budget as not judged (pass null), with a breakdown largest first', async () => {
    const none = await checks({ domain: 'general', writesPerSec: 100 });
    expect(none.cost).toMatchObject({ required: null, pass: null, unit: 'USD/month' });
    expect(none.cost!.explain).toContain('no budget given');
    // database 1 node × $330 + app 2 × $140 + load balancer $25 = $635
    expect(none.cost!.calculated).toBe(635);
    expect(none.cost!.breakdown!.map((b) => [b.item, b.usd])).toEqual([['database nodes', 330], ['app nodes', 280], ['load balancer', 25]]);
    const tight = await checks({ domain: 'general', writesPerSec: 100, budgetUsdPerMonth: 100 });
    expect(tight.cost).toMatchObject({ required: 100, calculated: 635, pass: false });
  });

  it('prices CDN transfer over the volume tiers', async () => {
    const c = await checks({ staticContent: true, readsPerSec: 100, objectSizeKb: 1000 });
    // 100 reads/s × 1 MB × 2592000 s = 259200 GB: 10000 × 0.085 + 40000 × 0.08 + 100000 × 0.06 + 109200 × 0.04 = 14418
    expect(c.cost!.breakdown!.find((b) => b.item === 'CDN transfer')!.usd).toBe(14418);
  });

  it('uses unit costs given to the assessor instead of the defaults', async () => {
    const { createAssessor } = await import('../../src/rules/assessor.ts');
    const { loadCosts } = await import('../../src/rules/costs.ts');
    const { realCatalog } = await import('./assessor-fixture.ts');
    const assessor = await createAssessor({ catalog: realCatalog(), costs: { ...loadCosts(), databaseNodeUsdPerMonth: 42 } });
    const { assessment } = await assessor.assess({ domain: 'general', writesPerSec: 100 });
    // database 1 node × $42 + app 2 × $140 + load balancer $25
    expect(assessment.validation.checks.find((c) => c.id === 'cost')!.calculated).toBe(347);
  });
});
