import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { ThreadKey } from '../../src/dialog/ports/design-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { missingPostgresMessage, postgresUrl, TestSchemas } from './postgres-database.ts';
import { sampleVersion } from './sample-version.ts';

const key: ThreadKey = { platform: 'slack', workspace: 'T1', channel: 'C1', thread: '1700000000.0001' };
const commitQuery = Buffer.from('COMMIT\0');

/**
 * A TCP proxy in front of Postgres that can break the connection around the next COMMIT: after
 * forwarding it (the server commits, its answer is lost, as when a server crashes right after a
 * commit) or instead of forwarding it (nothing commits).
 */
async function startProxy(target: { host: string; port: number }) {
  let armed: 'answer' | 'request' | undefined;
  const state = { broken: 0 };
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    let loseAnswer = false;
    const cut = () => {
      state.broken += 1;
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (chunk: Buffer) => {
      if (armed && chunk.includes(commitQuery)) {
        const how = armed;
        armed = undefined;
        if (how === 'request') return cut();
        loseAnswer = true;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => (loseAnswer ? cut() : client.write(chunk)));
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    state,
    breakAround(next: 'answer' | 'request') {
      armed = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

if (!postgresUrl) {
  describe('a COMMIT whose connection breaks', () => {
    it.skip(`runs against a real database (skipped: ${missingPostgresMessage})`, () => undefined);
  });
} else {
  const schemas = new TestSchemas(postgresUrl);
  afterAll(() => schemas.dropAll());

  async function proxiedStore() {
    const url = new URL(await schemas.create());
    const proxy = await startProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${proxy.port}`;
    const store = await openStore(url.toString());
    await store.designs.saveVersion(key, 0, sampleVersion('alice'));
    return { store, proxy };
  }

  describe('a COMMIT whose connection breaks', () => {
    it('confirms the save when the commit landed but its answer was lost, instead of refusing a saved change', async () => {
      const { store, proxy } = await proxiedStore();
      try {
        proxy.breakAround('answer');
        const saved = await store.designs.saveVersion(key, 1, sampleVersion('bob', { requirements: { writesPerSec: 7 } }));
        expect(proxy.state.broken).toBe(1);
        expect(saved.versions.map((v) => [v.version, v.savedBy])).toEqual([[1, 'alice'], [2, 'bob']]);
        expect(await store.designs.getDesign(key)).toEqual(saved);
      } finally {
        await store.close();
        await proxy.close();
      }
    });

    it('fails the save when the COMMIT never reached the server, and nothing is saved', async () => {
      const { store, proxy } = await proxiedStore();
      try {
        proxy.breakAround('request');
        await expect(store.designs.saveVersion(key, 1, sampleVersion('bob'))).rejects.toThrow();
        expect(proxy.state.broken).toBe(1);
        expect((await store.designs.getDesign(key))?.versions.map((v) => v.savedBy)).toEqual(['alice']);
      } finally {
        await store.close();
        await proxy.close();
      }
    });
  });
}
