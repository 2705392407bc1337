import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import type { OpenedStore } from '../../src/store/opened-store.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';
import { postgresUrl, TestSchemas } from './postgres-database.ts';

const tempDir = useTempDirs('quorum-dedup-release-');
const schemas = postgresUrl ? new TestSchemas(postgresUrl) : undefined;
afterAll(() => schemas?.dropAll());

/** Each kind of store: how to open a fresh one, and how to open the same one again (a restart). */
const kinds: { name: string; fresh(): Promise<{ store: OpenedStore; again(): Promise<OpenedStore> }> }[] = [
  { name: 'memory', fresh: async () => ({ store: await openStore('memory:'), again: () => Promise.reject(new Error('no restart')) }) },
  {
    name: 'file',
    fresh: async () => {
      const url = `file:${await tempDir()}`;
      return { store: await openStore(url), again: () => openStore(url) };
    },
  },
  ...(schemas
    ? [{
        name: 'postgres',
        fresh: async () => {
          const url = await schemas.create();
          return { store: await openStore(url), again: () => openStore(url) };
        },
      }]
    : []),
];

describe.each(kinds)('event dedup release ($name)', ({ name, fresh }) => {
  it('lets a released event be claimed again, once, and leaves other claims alone', async () => {
    const { store } = await fresh();
    try {
      expect(await store.dedup.claim('slack:Ev1', 60_000)).toBe(true);
      expect(await store.dedup.claim('slack:Ev2', 60_000)).toBe(true);
      await store.dedup.release('slack:Ev1');
      await store.dedup.release('slack:never-claimed');
      expect(await Promise.all([store.dedup.claim('slack:Ev1', 60_000), store.dedup.claim('slack:Ev1', 60_000)])).toEqual([true, false]);
      expect(await store.dedup.claim('slack:Ev2', 60_000)).toBe(false);
    } finally {
      await store.close();
    }
  });

  if (name !== 'memory') {
    it('keeps a release across a restart, and the claims that were not released', async () => {
      const { store, again } = await fresh();
      await store.dedup.claim('slack:Ev1', 60_000);
      await store.dedup.claim('slack:Ev2', 60_000);
      await store.dedup.release('slack:Ev1');
      await store.close();
      const reopened = await again();
      try {
        expect(await reopened.dedup.claim('slack:Ev1', 60_000)).toBe(true);
        expect(await reopened.dedup.claim('slack:Ev2', 60_000)).toBe(false);
      } finally {
        await reopened.close();
      }
    });
  }
});
