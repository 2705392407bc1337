import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { ThreadKey } from '../../src/dialog/ports/design-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { applyMigrations, migrations } from '../../src/store/postgres/migrations.ts';
import { missingPostgresMessage, postgresUrl, TestSchemas } from './postgres-database.ts';
import { sampleVersion } from './sample-version.ts';

const thread = (id: string): ThreadKey => ({ platform: 'terminal', workspace: 'w', channel: 'c', thread: id });

if (!postgresUrl) {
  describe('postgres thread ids', () => {
    it.skip(`runs against a real database (skipped: ${missingPostgresMessage})`, () => undefined);
  });
} else {
  const schemas = new TestSchemas(postgresUrl);
  afterAll(() => schemas.dropAll());

  describe('postgres thread ids', () => {
    it('keeps an id with NUL apart from the same id with U+FFFD, and gives each back exactly', async () => {
      const store = await openStore(await schemas.create());
      const ids = ['a\u0000b', 'a\uFFFDb', 'a\uFFFD0b', 'a\u00000b', 'a\uFFFD\uFFFDb'];
      try {
        for (const [i, id] of ids.entries()) {
          await store.designs.saveVersion(thread(id), 0, sampleVersion(`u${i}`, { requirements: { writesPerSec: i + 1 } }));
          await store.designs.putSession(thread(id), 0, { n: i });
        }
        for (const [i, id] of ids.entries()) {
          const design = await store.designs.getDesign(thread(id));
          expect(design?.key).toEqual(thread(id));
          expect(design?.versions.map((v) => v.requirements.writesPerSec)).toEqual([i + 1]);
          expect((await store.designs.getSession(thread(id)))?.state).toEqual({ n: i });
        }
        const listed = await store.designs.listDesigns({ platform: 'terminal', workspace: 'w', channel: 'c' });
        expect(listed.map((d) => d.key.thread).sort()).toEqual([...ids].sort());
        expect(await store.dedup.claim('ev\u0000', 60_000)).toBe(true);
        expect(await store.dedup.claim('ev\uFFFD', 60_000)).toBe(true);
        expect(await store.dedup.claim('ev\u0000', 60_000)).toBe(false);
        await store.installations.save('k\u0000', { n: 0 });
        await store.installations.save('k\uFFFD', { n: 1 });
        expect(await store.installations.fetch('k\u0000')).toEqual({ n: 0 });
        expect(await store.installations.fetch('k\uFFFD')).toEqual({ n: 1 });
      } finally {
        await store.close();
      }
    });

    it('saves, finds and lists a thread whose id is far longer than a btree entry may be (10 KB of random text)', async () => {
      const store = await openStore(await schemas.create());
      // Random text, so Postgres cannot compress an index entry below its 2.7 KB limit.
      const long = randomBytes(7_500).toString('base64');
      const twin = `${long.slice(0, -1)}${long.endsWith('A') ? 'B' : 'A'}`;
      try {
        await store.designs.saveVersion(thread(long), 0, sampleVersion('alice'));
        await store.designs.saveVersion(thread(long), 1, sampleVersion('alice', { requirements: { writesPerSec: 7 } }));
        await store.designs.saveVersion(thread(twin), 0, sampleVersion('bob'));
        expect(await store.designs.putSession(thread(long), 0, { step: 'domain' })).toBe(1);
        expect((await store.designs.getSession(thread(long)))?.state).toEqual({ step: 'domain' });
        expect((await store.designs.getDesign(thread(long)))?.versions.map((v) => v.requirements.writesPerSec)).toEqual([100, 7]);
        expect((await store.designs.getDesign(thread(twin)))?.versions).toHaveLength(1);
        const listed = await store.designs.listDesigns({ platform: 'terminal', workspace: 'w', channel: 'c' });
        expect(listed.map((d) => d.key.thread).sort()).toEqual([long, twin].sort());
        expect(await store.designs.deleteDesign(thread(long))).toBe(true);
        expect(await store.designs.getDesign(thread(twin))).toBeDefined();
      } finally {
        await store.close();
      }
    });

    it('saves and lists the designs of a user whose id is longer than a btree entry may be', async () => {
      const store = await openStore(await schemas.create());
      const user = randomBytes(7_500).toString('base64');
      try {
        const saved = await store.designs.saveVersion(thread('t-long-user'), 0, sampleVersion(user));
        await store.designs.saveVersion(thread('t-other'), 0, sampleVersion('someone else'));
        expect((await store.designs.listUserDesigns('terminal', 'w', user, 5)).map((d) => d.id)).toEqual([saved.id]);
      } finally {
        await store.close();
      }
    });

    it('migrates rows saved before the lossless keys: their threads (U+FFFD included) are found as before', async () => {
      const url = await schemas.create();
      const pool = new pg.Pool({ connectionString: url, max: 1 });
      await applyMigrations(pool, migrations.filter((m) => m.version <= 2));
      await pool.end();
      // What the old store wrote for thread "x\uFFFDy" (and for "x\u0000y", which it stored the same way).
      await schemas.sql(`INSERT INTO designs (id, platform, workspace, channel, thread, title, latest_version, created_at, updated_at)
        VALUES ('d-old', 'terminal', 'w', 'c', $1, 'Old', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`, ['x\uFFFDy']);
      await schemas.sql(`INSERT INTO design_versions (design_id, version, requirements, assessment, answered_by, saved_by, saved_at, cause)
        VALUES ('d-old', 1, '{"writesPerSec": 5}', $1::jsonb, '{}', 'alice', '2026-01-01T00:00:00.000Z', 'interview')`,
      [JSON.stringify(sampleVersion('alice').assessment)]);
      await schemas.sql(`INSERT INTO sessions (platform, workspace, channel, thread, version, state, updated_at)
        VALUES ('terminal', 'w', 'c', $1, 3, '{"old": true}', now())`, ['x\uFFFDy']);
      await schemas.sql(`INSERT INTO installations (key, data) VALUES ($1, '{"old": true}')`, ['T\uFFFD']);
      const store = await openStore(url);
      try {
        const design = await store.designs.getDesign(thread('x\uFFFDy'));
        expect(design?.id).toBe('d-old');
        expect(design?.key).toEqual(thread('x\uFFFDy'));
        expect(await store.designs.getSession(thread('x\uFFFDy'))).toMatchObject({ version: 3, state: { old: true } });
        expect(await store.designs.getDesign(thread('x\u0000y'))).toBeUndefined();
        expect(await store.installations.fetch('T\uFFFD')).toEqual({ old: true });
        expect((await store.designs.saveVersion(thread('x\uFFFDy'), 1, sampleVersion('bob'))).versions).toHaveLength(2);
      } finally {
        await store.close();
      }
    });
  });
}
