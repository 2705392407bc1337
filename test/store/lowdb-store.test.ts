import { appendFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ThreadKey } from '../../src/dialog/ports/design-store.ts';
import { openLowdbStore } from '../../src/store/file/lowdb-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { StoreCorruptError } from '../../src/store/file/store-corrupt-error.ts';
import { legacyChannelFilePath, threadFilePath, versionsFilePath } from '../../src/store/file/store-paths.ts';
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

  it('writes a document and a version log per thread, named without raw ids', async () => {
    const dir = await tempDir();
    const store = await openLowdbStore(dir);
    const a = await store.saveVersion(key('C1', 'a'), 0, version('U-SECRET-1'));
    await store.saveVersion(key('C1', 'a'), 1, version('U-SECRET-1', 'assess'));
    await store.saveVersion(key('C1', 'b'), 0, version('U-SECRET-1'));
    await store.saveVersion(key('C2', 'a'), 0, version('U-SECRET-2'));
    await store.close();
    const files = (await allFiles(dir)).map((f) => path.relative(dir, f));
    expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(3);
    expect(files.filter((f) => /\.[0-9a-f]{12}\.jsonl$/.test(f))).toHaveLength(3);
    expect(files.join('\n')).not.toMatch(/secret/i);
    const document = JSON.parse(await readFile(threadFilePath(dir, key('C1', 'a')), 'utf8'));
    expect(document).toMatchObject({ schemaVersion: 1, key: key('C1', 'a'), design: { id: a.id } });
    expect(document.design.versions).toBeUndefined();
    const log = await readFile(versionsFilePath(threadFilePath(dir, key('C1', 'a')), a.id), 'utf8');
    expect(log.split('\n').filter(Boolean).map((line) => JSON.parse(line).cause)).toEqual(['interview', 'assess']);
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
    ['not JSON', '{"schemaVersion": 1, "design": {', /is not valid JSON \(.+\)\. Quorum has not changed it\. Fix it or move it aside, then retry\./],
    ['the wrong shape', '{"schemaVersion":1,"key":{"platform":"slack","workspace":"T1","channel":"C1","thread":"t1"},"design":{"id":7}}', /does not have the shape Quorum writes \(design\.id/],
    ['from a newer Quorum', '{"schemaVersion":2,"design":{}}', /newer Quorum \(schema version 2/],
    ['JSON null', 'null', /holds null/],
  ] as const) {
    it(`reports a thread document that is ${problem} by name, leaves it unchanged, and keeps the channel's other threads working`, async () => {
      const dir = await tempDir();
      const setup = await openLowdbStore(dir);
      await setup.saveVersion(key('C1'), 0, version('alice'));
      await setup.saveVersion(key('C1', 't2'), 0, version('alice'));
      await setup.saveVersion(key('C2'), 0, version('alice'));
      await setup.close();
      const broken = threadFilePath(dir, key('C1'));
      await writeFile(broken, content);

      const store = await openLowdbStore(dir);
      const attempts = [
        store.getDesign(key('C1')),
        store.saveVersion(key('C1'), 1, version('bob')),
        store.putSession(key('C1'), 0, { step: 1 }),
        store.deleteDesign(key('C1')),
      ];
      for (const attempt of attempts) {
        await expect(attempt).rejects.toBeInstanceOf(StoreCorruptError);
        await expect(attempt).rejects.toMatchObject({ code: 'store_corrupt', file: broken });
        await expect(attempt).rejects.toThrow(broken);
        await expect(attempt).rejects.toThrow(message);
      }
      expect(await readFile(broken, 'utf8')).toBe(content);
      expect((await store.saveVersion(key('C1', 't2'), 1, version('bob'))).versions).toHaveLength(2);
      expect((await store.saveVersion(key('C1', 'new'), 0, version('bob'))).versions).toHaveLength(1);
      expect(await store.putSession(key('C1', 't2'), 0, { step: 1 })).toBe(1);
      expect((await store.listDesigns(key('C1'))).map((d) => d.key.thread).sort()).toEqual(['new', 't2']);
      expect((await store.getDesign(key('C2')))?.versions).toHaveLength(1);
      expect((await store.listUserDesigns('slack', 'T1', 'alice', 10)).map((d) => `${d.key.channel}/${d.key.thread}`).sort()).toEqual(['C1/t2', 'C2/t1']);
      await store.close();
      expect(await readFile(broken, 'utf8')).toBe(content);
    });
  }

  for (const [problem, damage, message] of [
    ['a missing version', (log: string) => log.split('\n').filter((line) => !line.includes('"version":2')).join('\n'), /has version 3 where version 2 belongs/],
    ['no readable version', () => 'garbage', /holds no readable version/],
  ] as const) {
    it(`reports a version log with ${problem} by name and keeps the channel's other threads working`, async () => {
      const dir = await tempDir();
      const setup = await openLowdbStore(dir);
      const saved = await setup.saveVersion(key('C1'), 0, version('alice'));
      for (const n of [1, 2]) await setup.saveVersion(key('C1'), n, version('alice', `v${n + 1}`));
      await setup.saveVersion(key('C1', 't2'), 0, version('alice'));
      await setup.close();
      const log = versionsFilePath(threadFilePath(dir, key('C1')), saved.id);
      const damaged = damage(await readFile(log, 'utf8'));
      await writeFile(log, damaged);

      const store = await openLowdbStore(dir);
      await expect(store.getDesign(key('C1'))).rejects.toMatchObject({ code: 'store_corrupt', file: log });
      await expect(store.getDesign(key('C1'))).rejects.toThrow(message);
      expect((await store.saveVersion(key('C1', 't2'), 1, version('bob'))).versions).toHaveLength(2);
      expect((await store.listDesigns(key('C1'))).map((d) => d.key.thread)).toEqual(['t2']);
      await store.close();
      expect(await readFile(log, 'utf8')).toBe(damaged);
    });
  }

  it('keeps every earlier version when the last append was torn by a crash, and saves the next one after them', async () => {
    const dir = await tempDir();
    const first = await openLowdbStore(dir);
    const saved = await first.saveVersion(key('C1'), 0, version('alice'));
    await first.saveVersion(key('C1'), 1, version('alice', 'assess'));
    await first.close();
    const log = versionsFilePath(threadFilePath(dir, key('C1')), saved.id);
    // What a crash in the middle of appending version 3 leaves.
    await appendFile(log, '\n{"version":3,"requirements":{"writesPer');

    const second = await openLowdbStore(dir);
    expect((await second.getDesign(key('C1')))?.versions.map((v) => v.cause)).toEqual(['interview', 'assess']);
    const next = await second.saveVersion(key('C1'), 2, version('bob', 'set writesPerSec 9'));
    expect(next.versions.map((v) => v.version)).toEqual([1, 2, 3]);
    await second.close();
    const third = await openLowdbStore(dir);
    expect((await third.getDesign(key('C1')))?.versions.map((v) => v.cause)).toEqual(['interview', 'assess', 'set writesPerSec 9']);
    await third.close();
    expect(await readFile(log, 'utf8')).not.toContain('writesPer"');
  });

  it('opens a store written in the older one-file-per-channel layout and loses nothing', async () => {
    const dir = await tempDir();
    const legacy = legacyChannelFilePath(dir, key('C1'));
    await mkdir(path.dirname(legacy), { recursive: true });
    const v = (n: number, savedBy: string, cause: string) => ({ ...version(savedBy, cause), savedAt: `2025-01-0${n}T00:00:00.000Z`, version: n });
    const old = {
      schemaVersion: 1,
      key: { platform: 'slack', workspace: 'T1', channel: 'C1' },
      designs: [
        { id: 'd-oldone01', key: key('C1', 't1'), title: 'Ledger', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-02T00:00:00.000Z', versions: [v(1, 'alice', 'interview'), v(2, 'bob', 'assess')], plan: { schemaVersion: 1, revision: 1, events: [], milestones: [{ name: 'beta', version: 2, by: 'bob', at: '2025-01-02T00:00:00.000Z' }] } },
        { id: 'd-oldtwo02', key: key('C1', 't2'), title: 'Feed', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', versions: [v(1, 'alice', 'interview')] },
      ],
      sessions: [
        { thread: 't1', state: { step: 'done' }, version: 4, updatedAt: '2025-01-02T00:00:00.000Z' },
        { thread: 't3', state: { step: 'availability' }, version: 2, updatedAt: '2025-01-03T00:00:00.000Z' },
      ],
    };
    // Pretty-printed, as the first versions of Quorum wrote it.
    await writeFile(legacy, JSON.stringify(old, null, 2));

    const store = await openLowdbStore(dir);
    const ledger = await store.getDesign(key('C1', 't1'));
    expect(ledger).toMatchObject({ id: 'd-oldone01', title: 'Ledger', plan: { revision: 1 } });
    expect(ledger?.versions.map((x) => [x.version, x.savedBy, x.cause])).toEqual([[1, 'alice', 'interview'], [2, 'bob', 'assess']]);
    expect(await store.getSession(key('C1', 't1'))).toEqual({ state: { step: 'done' }, version: 4, updatedAt: '2025-01-02T00:00:00.000Z' });
    expect(await store.getSession(key('C1', 't3'))).toMatchObject({ version: 2, state: { step: 'availability' } });
    expect((await store.listDesigns(key('C1'))).map((d) => [d.id, d.latestVersion])).toEqual([['d-oldone01', 2], ['d-oldtwo02', 1]]);
    await expect(readFile(legacy, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await store.saveVersion(key('C1', 't1'), 2, version('carol', 'set writesPerSec 5'))).versions).toHaveLength(3);
    await store.close();

    const reopened = await openLowdbStore(dir);
    expect((await reopened.getDesign(key('C1', 't1')))?.versions.map((x) => x.cause)).toEqual(['interview', 'assess', 'set writesPerSec 5']);
    expect((await reopened.getDesign(key('C1', 't2')))?.title).toBe('Feed');
    await reopened.close();
  });

  it('reports a damaged file of the older layout by name and keeps other channels working', async () => {
    const dir = await tempDir();
    const legacy = legacyChannelFilePath(dir, key('C1'));
    await mkdir(path.dirname(legacy), { recursive: true });
    await writeFile(legacy, '{"schemaVersion": 1, "designs": [');
    const store = await openLowdbStore(dir);
    await expect(store.getDesign(key('C1'))).rejects.toMatchObject({ code: 'store_corrupt', file: legacy });
    expect((await store.saveVersion(key('C2'), 0, version('alice'))).versions).toHaveLength(1);
    await store.close();
    expect(await readFile(legacy, 'utf8')).toBe('{"schemaVersion": 1, "designs": [');
  });

  it('forgets a workspace by removing its folder (both layouts), leaves every other workspace\'s files byte for byte, and lets saves racing it finish whole', async () => {
    const dir = await tempDir();
    const other = { platform: 'slack', workspace: 'T2', channel: 'C1', thread: 't1' };
    const setup = await openLowdbStore(dir);
    await setup.saveVersion(other, 0, version('alice'));
    await setup.putSession(other, 0, { step: 'kept' });
    await setup.saveVersion(key('C1'), 0, version('alice'));
    await setup.close();
    // A channel of the doomed workspace still in the older layout.
    const legacy = legacyChannelFilePath(dir, key('OLD'));
    await writeFile(legacy, JSON.stringify({ schemaVersion: 1, key: { platform: 'slack', workspace: 'T1', channel: 'OLD' }, designs: [
      { id: 'd-legacy01', key: key('OLD'), title: 'Old', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', versions: [{ ...version('bob'), version: 1 }] },
    ], sessions: [] }));
    const otherFiles = async () => {
      const files = (await allFiles(dir)).filter((f) => f.includes(path.dirname(path.dirname(threadFilePath(dir, other)))));
      return Promise.all(files.map(async (f) => [f, await readFile(f, 'utf8')]));
    };
    const otherBefore = await otherFiles();
    expect(otherBefore.length).toBeGreaterThanOrEqual(2);

    const store = await openLowdbStore(dir);
    const racing = Array.from({ length: 12 }, (_, i) => store.saveVersion(key('C2', `r${i}`), 0, version('carol')));
    const deleted = store.deleteWorkspace('slack', 'T1');
    const after = Array.from({ length: 12 }, (_, i) => store.saveVersion(key('C3', `a${i}`), 0, version('carol')));
    expect(await deleted).toMatchObject({ designs: 14, threads: 14 });
    await Promise.all([...racing, ...after]);
    for (let i = 0; i < 12; i++) {
      expect(await store.getDesign(key('C2', `r${i}`))).toBeUndefined();
      expect((await store.getDesign(key('C3', `a${i}`)))?.versions).toHaveLength(1);
    }
    expect(await store.getDesign(key('OLD'))).toBeUndefined();
    await store.close();
    await expect(readFile(legacy, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await otherFiles()).toEqual(otherBefore);
    const reopened = await openLowdbStore(dir);
    expect(await reopened.workspaceContents('slack', 'T1')).toEqual({ designs: 12, threads: 12 });
    expect((await reopened.getSession(other))?.state).toEqual({ step: 'kept' });
    await reopened.close();
  });

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
