import { afterEach, describe, expect, it } from 'vitest';
import { createOps } from '../../src/ops/ops.ts';
import type { OpsServer } from '../../src/ops/ops-server.ts';

describe('/readyz', () => {
  let server: OpsServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function serve(store: { answers: boolean }) {
    const ops = createOps({ inFlight: () => 0, storeAnswers: async () => store.answers });
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

  it('is 503 from the moment shutdown begins, while /livez stays 200', async () => {
    const { ops, readyz } = await serve({ answers: true });
    ops.readiness.started({ name: 'slack', connected: () => true });
    expect((await readyz()).status).toBe(200);
    ops.readiness.beginShutdown();
    expect(await readyz()).toMatchObject({ status: 503, body: { ready: false, stopping: true } });
    expect((await fetch(`http://127.0.0.1:${server!.port}/livez`)).status).toBe(200);
  });
});
