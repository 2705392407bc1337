import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/postgres/migrations.ts';
import { StaleWriteError } from '../../src/dialog/ports/design-store.ts';
import type { ThreadKey } from '../../src/dialog/ports/design-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { OpenedStore } from '../../src/store/opened-store.ts';
import { postgresUrl, TestSchemas } from './postgres-database.ts';
import { sampleVersion, type SampleVersion } from './sample-version.ts';

const thread = (n: number): ThreadKey => ({ platform: 'slack', workspace: 'T1', channel: 'C1', thread: `t${n}` });
const version = (savedBy: string, requirements: Record<string, unknown>): SampleVersion =>
  sampleVersion(savedBy, { requirements, cause: `set by ${savedBy}` });

// Two openStore calls are two connection pools, as two Quorum processes would have.
describe.skipIf(!postgresUrl)('two postgres store instances on one database', () => {
  const schemas = new TestSchemas(postgresUrl ?? '');
  const opened: OpenedStore[] = [];
  const twoInstances = async () => {
    const url = await schemas.create();
    const [a, b] = await Promise.all([openStore(url), openStore(url)]);
    opened.push(a, b);
    return [a, b] as const;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });
  afterAll(() => schemas.dropAll());

  it('both migrate a fresh database when they start at the same moment', async () => {
    const [a, b] = await twoInstances();
    await a.designs.saveVersion(thread(1), 0, version('alice', { writesPerSec: 1 }));
    expect((await b.designs.getDesign(thread(1)))?.versions).toHaveLength(1);
    expect((await schemas.sql('SELECT count(*)::int AS n FROM quorum_migrations')).rows[0]?.n).toBe(migrations.length);
  });

  it('lets exactly one of two saves with the same expected version win, every time', async () => {
    const [a, b] = await twoInstances();
    await a.designs.saveVersion(thread(1), 0, version('alice', { writesPerSec: 0 }));
    for (let round = 1; round <= 20; round++) {
      const results = await Promise.allSettled([
        a.designs.saveVersion(thread(1), round, version('alice', { writesPerSec: round })),
        b.designs.saveVersion(thread(1), round, version('bob', { writesPerSec: -round })),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(loser.reason).toBeInstanceOf(StaleWriteError);
      expect(loser.reason).toMatchObject({ expected: round, actual: round + 1 });
    }
    const design = await b.designs.getDesign(thread(1));
    expect(design?.versions.map((v) => v.version)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  });

  it('lets exactly one of two instances create the same new design', async () => {
    const [a, b] = await twoInstances();
    const results = await Promise.allSettled([
      a.designs.saveVersion(thread(2), 0, version('alice', { name: 'A' })),
      b.designs.saveVersion(thread(2), 0, version('bob', { name: 'B' })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await a.designs.listDesigns(thread(2))).map((d) => d.latestVersion)).toEqual([1]);
  });

  it('continues on one instance a session started on the other, and refuses the stale write', async () => {
    const [a, b] = await twoInstances();
    const v1 = await a.designs.putSession(thread(3), 0, { step: 'domain' });
    const seen = await b.designs.getSession(thread(3));
    expect(seen).toMatchObject({ version: v1, state: { step: 'domain' } });
    expect(await b.designs.putSession(thread(3), seen!.version, { step: 'writes', answers: { domain: 'financial' } })).toBe(2);
    await expect(a.designs.putSession(thread(3), v1, { step: 'stale' })).rejects.toMatchObject({ expected: 1, actual: 2 });
    expect((await a.designs.getSession(thread(3)))?.state).toEqual({ step: 'writes', answers: { domain: 'financial' } });
  });

  it('sees on one instance an event claimed on the other, and lets one of many racing claims win', async () => {
    const [a, b] = await twoInstances();
    expect(await a.dedup.claim('Ev1', 60_000)).toBe(true);
    expect(await b.dedup.claim('Ev1', 60_000)).toBe(false);
    const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).dedup.claim('EvRace', 60_000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('shares installations between instances', async () => {
    const [a, b] = await twoInstances();
    await a.installations.save('E0:T1', { bot: { token: 'xoxb-1' } });
    expect(await b.installations.fetch('E0:T1')).toEqual({ bot: { token: 'xoxb-1' } });
  });
});
