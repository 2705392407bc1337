import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLowdbEventDedup } from '../../src/store/file/file-event-dedup.ts';
import { openLowdbStore } from '../../src/store/file/lowdb-store.ts';
import { LruCache } from '../../src/store/file/lru-cache.ts';
import { threadFilePath } from '../../src/store/file/store-paths.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';
import { sampleVersion } from './sample-version.ts';

const tempDir = useTempDirs('quorum-files-');

const key = { platform: 'slack', workspace: 'T1', channel: 'C1', thread: 't1' };

describe('store files', () => {
  it('writes thread documents as compact JSON and still reads pretty-printed ones', async () => {
    const dir = await tempDir();
    const store = await openLowdbStore(dir);
    const saved = await store.saveVersion(key, 0, sampleVersion('alice'), 'Ledger');
    await store.close();
    const file = threadFilePath(dir, key);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('\n');
    await writeFile(file, JSON.stringify(JSON.parse(text), null, 2));

    const reopened = await openLowdbStore(dir);
    expect(await reopened.getDesign(key)).toEqual(saved);
    await reopened.close();
  });

  it('keeps working when one thread is larger than the whole open-file budget', async () => {
    const dir = await tempDir();
    const store = await openLowdbStore(dir, { maxOpenBytes: 10 });
    await store.saveVersion(key, 0, sampleVersion('alice'));
    await store.saveVersion({ ...key, channel: 'C2' }, 0, sampleVersion('bob'));
    expect((await store.saveVersion(key, 1, sampleVersion('carol'))).versions).toHaveLength(2);
    await store.close();
  });
});

describe('event dedup log', () => {
  it('remembers claims across a reopen and skips a line torn by a crash', async () => {
    const dir = await tempDir();
    const first = openLowdbEventDedup(dir);
    expect(await Promise.all(['Ev1', 'Ev2', 'Ev1'].map((id) => first.claim(id, 60_000)))).toEqual([true, true, false]);
    await first.idle();
    await appendFile(path.join(dir, '_system', 'event-dedup.jsonl'), '\n{"id":"Ev3","expi');

    const second = openLowdbEventDedup(dir);
    expect(await second.claim('Ev1', 60_000)).toBe(false);
    expect(await second.claim('Ev2', 60_000)).toBe(false);
    expect(await second.claim('Ev3', 60_000)).toBe(true);
    await second.idle();
  });

  it('folds the older single-file list into the log and removes it', async () => {
    const dir = await tempDir();
    const legacy = path.join(dir, '_system', 'event-dedup.json');
    await mkdir(path.dirname(legacy), { recursive: true });
    await writeFile(legacy, JSON.stringify({ schemaVersion: 1, claims: [{ id: 'EvOld', expiresAt: Date.now() + 60_000 }] }, null, 2));

    const dedup = openLowdbEventDedup(dir);
    expect(await dedup.claim('EvOld', 60_000)).toBe(false);
    await dedup.idle();
    await expect(readFile(legacy, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await openLowdbEventDedup(dir).claim('EvOld', 60_000)).toBe(false);
  });

  it('forgets claims once they expire, also after the log is rewritten', async () => {
    const dir = await tempDir();
    let now = 1_000_000;
    const dedup = openLowdbEventDedup(dir, { now: () => now });
    for (let i = 0; i < 1500; i++) await dedup.claim(`Ev${i}`, 1000);
    now += 2000;
    for (let i = 0; i < 2000; i++) await dedup.claim(`New${i}`, 60_000);
    await dedup.idle();
    const lines = (await readFile(path.join(dir, '_system', 'event-dedup.jsonl'), 'utf8')).split('\n').filter(Boolean);
    expect(lines.length).toBeLessThan(3000);
    const reopened = openLowdbEventDedup(dir, { now: () => now });
    expect(await reopened.claim('Ev0', 1000)).toBe(true);
    expect(await reopened.claim('New1999', 60_000)).toBe(false);
  });
});

describe('LRU cache', () => {
  it('drops the least recently used entries once their total weight passes the bound', () => {
    const cache = new LruCache<string, string>({ maxEntries: 100, maxWeight: 10, weigh: (v) => v.length });
    cache.set('a', 'xxxx');
    cache.set('b', 'xxxx');
    cache.get('a');
    cache.set('c', 'xxxx');
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['xxxx', undefined, 'xxxx']);
    expect(cache.weight).toBe(8);
  });
});
