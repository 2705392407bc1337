import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ThreadKey } from '../../src/dialog/ports/design-store.ts';
import { openLowdbStore } from '../../src/store/file/lowdb-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { StoreCorruptError } from '../../src/store/file/store-corrupt-error.ts';
import { channelFilePath } from '../../src/store/file/store-paths.ts';
import { asStoreUnderTest, describeStoreContract } from './contract.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';
import { sampleVersion, type SampleVersion } from './sample-version.ts';

const tempDir = useTempDirs('quorum-lowdb-');

describeStoreContract('lowdb', async (clock) => asStoreUnderTest(await openStore(`file:${await tempDir()}`, { now: clock.now })));
describeStoreContract('lowdb with one open file at a time', async (clock) =>
  asStoreUnderTest(await openStore(`file:${await tempDir()}`, { now: clock.now, maxOpenFiles: 1 })),
);

const version = (savedBy: string, cause = 'interview'): SampleVersion =>
  sampleVersion(savedBy, { requirements: { domain: 'financial', writesPerSec: 2000 }, answeredBy: { domain: savedBy }, cause });
const key = (channel: string, thread = 't1'): ThreadKey => ({ platform: 'slack', workspace: 'T1', channel, thread });

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('lowdb store', () => {
  it('keeps designs, sessions, user listings, event claims and installations across a reopen', async () => {
    const dir = await tempDir();
    const first = await openStore(`file:${dir}`);
    const saved = await first.designs.saveVersion(key('C1'), 0, version('alice'), 'Ledger');
    await first.designs.saveVersion(key('C1'), 1, version('bob', 'assess'));
    await first.designs.putSession(key('C1'), 0, { step: 'availability', answers: { domain: 'financial' } });
    await first.dedup.claim('Ev1', 60_000);
    await first.installations.save('T1', { bot: { token: 'xoxb-1' } });
    const before = await first.designs.getDesign(key('C1'));
    await first.close();
    await expect(first.designs.getDesign(key('C1'))).rejects.toThrow(/closed/);

    const second = await openStore(`file:${dir}`);
    expect(await second.designs.getDesign(key('C1'))).toEqual(before);
    const design = await second.designs.getDesign(key('C1'));
    expect(design?.id).toBe(saved.id);
    expect(design?.title).toBe('Ledger');
    expect(design?.versions.map((v) => [v.version, v.savedBy, v.cause])).toEqual([[1, 'alice', 'interview'], [2, 'bob', 'assess']]);
    expect(await second.designs.getSession(key('C1'))).toMatchObject({ version: 1, state: { step: 'availability' } });
    expect((await second.designs.listUserDesigns('slack', 'T1', 'bob', 5)).map((d) => d.id)).toEqual([saved.id]);
    expect(await second.dedup.claim('Ev1', 60_000)).toBe(false);
    expect(await second.installations.fetch('T1')).toEqual({ bot: { token: 'xoxb-1' } });
    await expect(second.designs.saveVersion(key('C1'), 1, version('carol'))).rejects.toMatchObject({ actual: 2 });
    await second.close();
  });

  it('writes one file per channel, named without raw ids', async () => {
    const dir = await tempDir();
    const store = await openLowdbStore(dir);
    await store.saveVersion(key('C1', 'a'), 0, version('U-SECRET-1'));
    await store.saveVersion(key('C1', 'b'), 0, version('U-SECRET-1'));
    await store.saveVersion(key('C2', 'a'), 0, version('U-SECRET-2'));
    await store.close();
    const files = (await allFiles(dir)).map((f) => path.relative(dir, f));
    expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(2);
    expect(files.join('\n')).not.toMatch(/secret/i);
    const c1 = JSON.parse(await readFile(channelFilePath(dir, key('C1')), 'utf8'));
    expect(c1).toMatchObject({ schemaVersion: 1, key: { platform: 'slack', workspace: 'T1', channel: 'C1' } });
    expect(c1.designs).toHaveLength(2);
  });

  it('keeps hostile ids inside the store directory and apart from each other', async () => {
    const parent = await tempDir();
    const dir = path.join(parent, 'store');
    const store = await openLowdbStore(dir);
    const hostile = ['../../etc', 'a/b', 'a\\b', '..', '.', '', 'Ünïcødé 频道 🚀', 'x'.repeat(300), 'CON', 'C1', 'c1', 'nul\0byte', '__proto__'];
    for (const [i, id] of hostile.entries()) {
      const k = { platform: id, workspace: id, channel: id, thread: id };
      const saved = await store.saveVersion(k, 0, version(id, `hostile ${i}`));
      await store.putSession(k, 0, { i });
      expect(saved.key).toEqual(k);
    }
    await store.close();
    expect(await readdir(parent)).toEqual(['store']);
    const files = await allFiles(dir);
    for (const file of files) {
      const relative = path.relative(dir, file);
      expect(relative.startsWith('..')).toBe(false);
      for (const part of relative.split(path.sep)) expect(part).toMatch(/^[a-z0-9_.-]{1,80}$/);
    }
    const reopened = await openLowdbStore(dir);
    for (const [i, id] of hostile.entries()) {
      const k = { platform: id, workspace: id, channel: id, thread: id };
      expect((await reopened.getDesign(k))?.versions[0]?.cause).toBe(`hostile ${i}`);
      expect((await reopened.getSession(k))?.state).toEqual({ i });
      expect((await reopened.listDesigns(k)).map((d) => d.key.thread)).toEqual([id]);
      expect((await reopened.listUserDesigns(id, id, id, 5)).map((d) => d.key.channel)).toEqual([id]);
    }
    await reopened.close();
  });

  for (const [problem, content, message] of [
    ['not JSON', '{"schemaVersion": 1, "designs": [', /is not valid JSON \(.+\)\. Quorum has not changed it\. Fix it or move it aside, then retry\./],
    ['the wrong shape', '{"schemaVersion":1,"key":{"platform":"slack","workspace":"T1","channel":"C1"},"designs":[{"id":7}],"sessions":[]}', /does not have the shape Quorum writes \(designs\.0\.id/],
    ['from a newer Quorum', '{"schemaVersion":2,"designs":{}}', /newer Quorum \(schema version 2/],
    ['JSON null', 'null', /holds null/],
  ] as const) {
    it(`reports a channel file that is ${problem} by name, leaves it unchanged, and keeps other channels working`, async () => {
      const dir = await tempDir();
      const setup = await openLowdbStore(dir);
      await setup.saveVersion(key('C1'), 0, version('alice'));
      await setup.saveVersion(key('C2'), 0, version('alice'));
      await setup.close();
      const broken = channelFilePath(dir, key('C1'));
      await writeFile(broken, content);

      const store = await openLowdbStore(dir);
      const attempts = [
        store.getDesign(key('C1')),
        store.saveVersion(key('C1', 'new'), 0, version('bob')),
        store.putSession(key('C1'), 0, { step: 1 }),
        store.listDesigns(key('C1')),
        store.deleteDesign(key('C1')),
      ];
      for (const attempt of attempts) {
        await expect(attempt).rejects.toBeInstanceOf(StoreCorruptError);
        await expect(attempt).rejects.toMatchObject({ code: 'store_corrupt', file: broken });
        await expect(attempt).rejects.toThrow(broken);
        await expect(attempt).rejects.toThrow(message);
      }
      expect(await readFile(broken, 'utf8')).toBe(content);
      expect((await store.getDesign(key('C2')))?.versions).toHaveLength(1);
      expect((await store.saveVersion(key('C2'), 1, version('bob'))).versions).toHaveLength(2);
      expect((await store.listUserDesigns('slack', 'T1', 'alice', 10)).map((d) => d.key.channel)).toEqual(['C2']);
      await store.close();
      expect(await readFile(broken, 'utf8')).toBe(content);
    });
  }

  it('reports a damaged event dedup file instead of forgetting every claim', async () => {
    const dir = await tempDir();
    const store = await openStore(`file:${dir}`);
    await store.dedup.claim('Ev1', 60_000);
    await store.close();
    const file = path.join(dir, '_system', 'event-dedup.json');
    await writeFile(file, 'not json at all');
    const reopened = await openStore(`file:${dir}`);
    await expect(reopened.dedup.claim('Ev2', 60_000)).rejects.toMatchObject({ code: 'store_corrupt', file });
    expect(await readFile(file, 'utf8')).toBe('not json at all');
    await reopened.close();
  });
});
