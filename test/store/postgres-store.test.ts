import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { ThreadKey } from '../../src/dialog/ports/design-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { applyMigrations, migrations } from '../../src/store/postgres/migrations.ts';
import { asStoreUnderTest, describeStoreContract } from './contract.ts';
import { inCi, missingPostgresMessage, postgresUrl, TestSchemas } from './postgres-database.ts';
import { sampleVersion, type SampleVersion } from './sample-version.ts';

const key: ThreadKey = { platform: 'slack', workspace: 'T1', channel: 'C1', thread: '1700000000.0001' };
const version = (savedBy: string, requirements: Record<string, unknown> = { writesPerSec: 10 }): SampleVersion =>
  sampleVersion(savedBy, { requirements, answeredBy: {} });

describe('postgres store without a database', () => {
  it('says the store is unreachable, without showing the password, when nothing listens at the URL', async () => {
    const attempt = openStore('postgres://quorum:s3cret-pw@127.0.0.1:1/quorum');
    await expect(attempt).rejects.toMatchObject({ code: 'store_unreachable', message: expect.stringContaining('127.0.0.1:1') });
    await expect(attempt).rejects.not.toThrow(/s3cret-pw/);
  });

  if (!postgresUrl) {
    if (inCi) {
      it('has a test database under CI', () => {
        expect.fail(missingPostgresMessage);
      });
    } else {
      console.warn(`Skipping the Postgres store tests. ${missingPostgresMessage}`);
      it.skip(`runs against a real database (skipped: ${missingPostgresMessage})`, () => undefined);
    }
  }
});

if (postgresUrl) {
  const schemas = new TestSchemas(postgresUrl);
  afterAll(() => schemas.dropAll());

  describeStoreContract('postgres', async (clock) => asStoreUnderTest(await openStore(await schemas.create(), { now: clock.now })));

  describe('postgres store', () => {
    it('applies its migrations once and records them, however often it is opened', async () => {
      const url = await schemas.create();
      await (await openStore(url)).close();
      await (await openStore(url)).close();
      const recorded = await schemas.sql('SELECT version FROM quorum_migrations ORDER BY version');
      expect(recorded.rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
      const pool = new pg.Pool({ connectionString: url, max: 1 });
      expect(await applyMigrations(pool)).toEqual([]);
      await pool.end();
    });

    it('refuses a database that a newer Quorum has migrated', async () => {
      const url = await schemas.create();
      await (await openStore(url)).close();
      await schemas.sql('INSERT INTO quorum_migrations (version) VALUES (999)');
      await expect(openStore(url)).rejects.toMatchObject({ code: 'store_too_new', message: expect.stringContaining('999') });
    });

    it('reports a row it cannot read instead of handing it on', async () => {
      const store = await openStore(await schemas.create());
      await store.designs.saveVersion(key, 0, version('alice'));
      await store.designs.putSession(key, 0, { step: 'domain' });
      await schemas.sql(`UPDATE design_versions SET answered_by = '["not", "a", "record"]'::jsonb`);
      await expect(store.designs.getDesign(key)).rejects.toMatchObject({ code: 'store_corrupt', message: expect.stringContaining('design_versions') });
      expect((await store.designs.getSession(key))?.state).toEqual({ step: 'domain' });
      await store.close();
    });

    it('keeps text with NUL characters, which Postgres cannot store, as replacement characters', async () => {
      const store = await openStore(await schemas.create());
      const saved = await store.designs.saveVersion(key, 0, version('alice', { name: 'Led\u0000ger', note: 'a\\u0000b' }), 'Ti\u0000tle');
      expect(saved.title).toBe('Ti\uFFFDtle');
      expect(saved.versions[0]?.requirements).toEqual({ name: 'Led\uFFFDger', note: 'a\\u0000b' });
      await store.designs.putSession(key, 0, { said: '\u0000' });
      expect((await store.designs.getSession(key))?.state).toEqual({ said: '\uFFFD' });
      await store.close();
    });

    it('treats % and _ in an installation key prefix as plain characters', async () => {
      const store = await openStore(await schemas.create());
      await store.installations.save('E_:T1', { n: 1 });
      await store.installations.save('EX:T2', { n: 2 });
      await store.installations.save('100%:T3', { n: 3 });
      await store.installations.save('1000:T4', { n: 4 });
      expect(await store.installations.deleteWhere('E_')).toBe(1);
      expect(await store.installations.deleteWhere('100%')).toBe(1);
      expect(await store.installations.fetch('EX:T2')).toEqual({ n: 2 });
      expect(await store.installations.fetch('1000:T4')).toEqual({ n: 4 });
      await store.close();
    });

    it('forgets expired event claims so the table does not grow without end', async () => {
      let time = Date.parse('2025-01-01T00:00:00Z');
      const store = await openStore(await schemas.create(), { now: () => new Date(time) });
      for (let i = 0; i < 5; i++) await store.dedup.claim(`Ev${i}`, 1_000);
      time += 120_000;
      expect(await store.dedup.claim('EvLater', 1_000)).toBe(true);
      expect((await schemas.sql('SELECT id FROM seen_events')).rows.map((r) => r.id)).toEqual(['EvLater']);
      await store.close();
    });
  });
}
