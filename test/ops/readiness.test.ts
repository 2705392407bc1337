import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DesignStore } from '../../src/dialog/ports/design-store.ts';
import { createOps } from '../../src/ops/ops.ts';
import type { OpsServer } from '../../src/ops/ops-server.ts';
import { openFileStore } from '../../src/store/file/open-file-store.ts';
import { createMemoryStore } from '../../src/store/memory/memory-store.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';

const tempDir = useTempDirs('quorum-readyz-');

/** A real memory store whose reads fail while `store.answers` is false (a database that went away). */
function answering(store: { answers: boolean }): DesignStore {
  const memory = createMemoryStore();
  return new Proxy(memory, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => (store.answers ? (value as (...a: unknown[]) => unknown).apply(target, args) : Promise.reject(new Error('ECONNREFUSED')));
    },
  });
}

describe('/readyz', () => {
  let server: OpsServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function serve(store: { answers: boolean } | DesignStore) {
    const designs = 'answers' in store ? answering(store) : store;
    const ops = createOps({ inFlight: () => 0, store: () => designs });
    server = await ops.listen(0, '127.0.0.1');
    const readyz = async () => {
      const response = await fetch(`http://127.0.0.1:${server!.port}/readyz`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    return { ops, readyz };
  }

  it('is 503 while an expected platform has not started, 200 once it is connected', async () => {
    const { ops, readyz } = await serve({ answers: true });
    ops.readiness.expect(['slack', 'discord']);
    expect(await readyz()).toEqual({ status: 503, body: { ready: false, stopping: false, store: 'ok', platforms: { slack: 'starting', discord: 'starting' } } });
    ops.readiness.started({ name: 'slack', connected: () => true });
    ops.readiness.started({ name: 'discord', connected: () => true });
    expect((await readyz()).status).toBe(200);
  });

  it('is 503 while the store does not answer, and again 200 when it does', async () => {
    const store = { answers: false };
    const { ops, readyz } = await serve(store);
    ops.readiness.started({ name: 'discord', connected: () => true });
    expect(await readyz()).toMatchObject({ status: 503, body: { store: 'unreachable' } });
    store.answers = true;
    expect((await readyz()).status).toBe(200);
  });

  it('is 503 "unwritable" while the store reads but cannot write (canWrite), and 200 again once it can', async () => {
    const dir = await tempDir();
    const opened = await openFileStore(dir);
    try {
      const { ops, readyz } = await serve(opened.designs);
      ops.readiness.started({ name: 'slack', connected: () => true });
      expect((await readyz()).status).toBe(200);
      // The folder every write needs becomes a plain file: writes fail as on a read-only disk (see unwritable-store.test.ts).
      await rm(path.join(dir, '_system'), { recursive: true, force: true });
      await writeFile(path.join(dir, '_system'), 'not a folder');
      expect(await readyz()).toMatchObject({ status: 503, body: { ready: false, store: 'unwritable' } });
      await rm(path.join(dir, '_system'));
      expect((await readyz()).status).toBe(200);
    } finally {
      await opened.close();
    }
  });

  it('is 503 from the moment shutdown begins, while /livez stays 200', async () => {
    const { ops, readyz } = await serve({ answers: true });
    ops.readiness.started({ name: 'slack', connected: () => true });
    expect((await readyz()).status).toBe(200);
    ops.readiness.beginShutdown();
    expect(await readyz()).toMatchObject({ status: 503, body: { ready: false, stopping: true } });
    expect((await fetch(`http://127.0.0.1:${server!.port}/livez`)).status).toBe(200);
  });
});
