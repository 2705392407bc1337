import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { App, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHealth, healthRoute } from '../../src/health.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { OpenedStore } from '../../src/store/opened-store.ts';
import { postgresUrl, TestSchemas } from '../store/postgres-database.ts';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack.ts';
import { testSigningSecret } from '../slack/slack-requests.ts';

describe('/healthz on Bolt\'s HTTP receiver', () => {
  let fake: FakeSlack;
  let stores: OpenedStore;
  let app: App;
  let port: number;

  beforeAll(async () => {
    fake = await startFakeSlack();
    stores = await openStore('memory:');
    // The same receiver startSlack builds in HTTP mode, with the route passed as customRoutes.
    app = new App({
      token: 'xoxb-health',
      signingSecret: testSigningSecret,
      clientOptions: { slackApiUrl: fake.apiUrl },
      logLevel: LogLevel.ERROR,
      customRoutes: [healthRoute(stores.designs, 500)],
    });
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app.stop();
    await fake.close();
  });

  it('answers 200 {"ok":true,"store":"ok"} while the store answers, then 503 once it does not', async () => {
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(healthy.status).toBe(200);
    expect(healthy.headers.get('content-type')).toBe('application/json');
    expect(await healthy.json()).toEqual({ ok: true, store: 'ok' });

    await stores.close();
    const broken = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(broken.status).toBe(503);
    expect(await broken.json()).toEqual({ ok: false, store: 'unreachable' });
  });

  it('leaves Slack\'s events endpoint to Bolt (an unsigned POST is still refused)', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(401);
  });
});

describe('checkHealth against each store', () => {
  it('reports a file store as reachable and writes nothing for the probe', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'quorum-health-'));
    try {
      const stores = await openStore(`file:${directory}`);
      expect(await checkHealth(stores.designs)).toEqual({ status: 200, body: { ok: true, store: 'ok' } });
      await stores.close();
      const written = (await readdir(directory, { recursive: true })).filter((name) => name.endsWith('.json'));
      expect(written).toEqual([]);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  describe.skipIf(!postgresUrl)('with Postgres', () => {
    const schemas = new TestSchemas(postgresUrl ?? '');
    afterAll(() => schemas.dropAll());

    it('reports Postgres as reachable while its pool is open, and unreachable after', async () => {
      const stores = await openStore(await schemas.create());
      expect((await checkHealth(stores.designs)).status).toBe(200);
      await stores.close();
      expect(await checkHealth(stores.designs)).toEqual({ status: 503, body: { ok: false, store: 'unreachable' } });
    });
  });
});
