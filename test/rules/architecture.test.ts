import { describe, expect, it } from 'vitest';
import type { Requirements } from '../../src/rules/requirements.ts';
import { realAssessor } from './assessor-fixture.ts';

async function assess(r: Requirements) {
  return (await (await realAssessor()).assess(r)).assessment;
}
const ids = (a: Awaited<ReturnType<typeof assess>>) => a.architecture.components.map((c) => c.id);

describe('the architecture', () => {
  it('gives a 3k writes/s ledger one primary with a standby and managed failover: no consensus, no log, no mesh', async () => {
    const a = await assess({ domain: 'financial', writesPerSec: 3000, peakFactor: 2, dataSizeGb: 500, availability: 0.9999, exactlyOnce: true, auditTrail: true });
    expect(ids(a)).toEqual(['clients', 'entry', 'app', 'database', 'coordinator']);
    expect(a.primitives.map((p) => p.id)).not.toContain('P5');
    expect(a.patterns.map((p) => p.id)).not.toContain('sidecar');
    const db = a.architecture.components.find((c) => c.id === 'database')!;
    expect(db.sizing).toMatchObject({ partitions: 1, replicas: 3, nodes: 3 });
    expect(db.technology).toMatch(/PostgreSQL/);
    expect(a.summary.topRisks).toContain('ledger-reconciliation');
    expect(a.summary.decisions[0]!.alternative).toMatch(/consensus/);
  });

  it('gives a feed with celebrities fan-out workers behind a log, a timeline cache, and a CDN only for its media', async () => {
    const feed = await assess({ domain: 'social', writesPerSec: 5000, readsPerSec: 200000, fanOut: 400, hotKeys: true, availability: 0.999 });
    expect(ids(feed)).toEqual(expect.arrayContaining(['cache', 'log', 'workers']));
    expect(ids(feed)).not.toContain('cdn');
    expect(feed.summary.topRisks[0]).toBe('celebrity-fan-out');
    const media = await assess({ domain: 'social', writesPerSec: 5000, readsPerSec: 200000, fanOut: 400, staticContent: true, objectSizeKb: 300 });
    expect(ids(media)).toEqual(expect.arrayContaining(['cdn', 'object-store']));
  });

  it('keeps telemetry with ad hoc queries in a time-series store sized on compressed data, behind an ingest log', async () => {
    const a = await assess({ domain: 'iot', writesPerSec: 500000, objectSizeKb: 0.2, retentionDays: 365, adHocQueries: true });
    expect(ids(a)).toEqual(['clients', 'entry', 'app', 'log', 'workers', 'analytics-store']);
    const store = a.architecture.components.find((c) => c.id === 'analytics-store')!;
    // 500000 × 0.2 KB × 365 days × 86400 s = 3153600 GB raw, / 10 compression = 315360 GB → ⌈315360 / 2000⌉ = 158
    expect(store.sizing).toMatchObject({ partitions: 158, replicas: 3, dataGb: 315360 });
    expect(store.technology).toMatch(/time-series/);
    expect(a.warnings.map((w) => w.id)).toEqual(expect.arrayContaining(['reconnect-storm', 'retention-growth']));
  });

  it('puts a search index and a geo index beside the store only when asked for', async () => {
    const plain = await assess({ writesPerSec: 100, readsPerSec: 500 });
    expect(ids(plain)).not.toContain('search-index');
    const both = await assess({ writesPerSec: 100, readsPerSec: 500, search: true, geoQueries: true });
    expect(ids(both)).toEqual(expect.arrayContaining(['search-index', 'geo-index']));
    expect(both.primitives.find((p) => p.id === 'P4')?.need).toBe('essential');
  });
});
