import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';

const key = { platform: 'terminal', workspace: 'local', channel: 'terminal', thread: 'terminal' };
const directories: string[] = [];
afterEach(async () => {
  await Promise.all(directories.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('openStore', () => {
  it('opens a lowdb directory relative to the working directory from file:<dir>', async () => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'quorum-open-'));
    directories.push(cwd);
    const store = await openStore('file:./var/quorum', { cwd });
    await store.designs.putSession(key, 0, { step: 1 });
    await store.close();
    expect((await stat(path.join(cwd, 'var', 'quorum'))).isDirectory()).toBe(true);
    const again = await openStore(`file:${path.join(cwd, 'var/quorum')}`);
    expect((await again.designs.getSession(key))?.state).toEqual({ step: 1 });
    await again.close();
  });

  it('accepts a file:// URL with an absolute path', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'quorum-open-'));
    directories.push(dir);
    const store = await openStore(pathToFileURL(dir).href);
    await store.designs.putSession(key, 0, { step: 2 });
    await store.close();
    const again = await openStore(`file:${dir}`);
    expect((await again.designs.getSession(key))?.version).toBe(1);
    await again.close();
  });

  it('gives a fresh, empty store for memory:', async () => {
    const first = await openStore('memory:');
    await first.designs.putSession(key, 0, { step: 1 });
    expect(await first.dedup.claim('Ev1', 1000)).toBe(true);
    const second = await openStore('memory:');
    expect(await second.designs.getSession(key)).toBeUndefined();
    expect(await second.dedup.claim('Ev1', 1000)).toBe(true);
    await Promise.all([first.close(), second.close()]);
  });

  it('rejects a store URL it does not know, saying which ones work', async () => {
    for (const url of ['redis://localhost', './var/quorum', '', 'file:']) {
      await expect(openStore(url)).rejects.toMatchObject({ code: 'store_url_invalid', hint: expect.stringMatching(/file:/) });
    }
  });
});
