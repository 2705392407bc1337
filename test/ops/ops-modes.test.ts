import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alice, callbackOf, slash } from '../discord/bot-harness.ts';
import { FakeDiscord } from '../discord/fake-discord.ts';
import { opsPort, spawnQuorum, type QuorumProcess } from '../helpers/quorum-process.ts';
import { startFakeSlack } from '../slack/fake-slack.ts';
import { eventBody, postToSlackApp, testSigningSecret } from '../slack/slack-requests.ts';

// Each mode runs the real entry (src/main.ts) in its own process against the loopback fakes.
const directories: string[] = [];
afterAll(() => Promise.all(directories.map((d) => rm(d, { recursive: true, force: true }))));

async function storeDir(): Promise<string> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'quorum-ops-'));
  directories.push(directory);
  return directory;
}

const get = (port: number, route: string) => fetch(`http://127.0.0.1:${port}${route}`);

/** One sample of the Prometheus text: `name{labels} value`, matched on the labels given. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) return Number(line.split(' ').pop());
  }
  return undefined;
}

async function stopCleanly(quorum: QuorumProcess): Promise<void> {
  quorum.child.kill('SIGTERM');
  const [code] = (await once(quorum.child, 'exit')) as [number | null];
  expect(code, quorum.stderr()).toBe(0);
}

describe('operations in Slack HTTP mode (on the receiver\'s port)', () => {
  it('answers /livez and /readyz, counts turns, store calls, dropped retries and Web API rate limits in /metrics', async () => {
    const fake = await startFakeSlack();
    const quorum = spawnQuorum(
      { SLACK_BOT_TOKEN: 'xoxb-ops-http', SLACK_SIGNING_SECRET: testSigningSecret, SLACK_API_URL: fake.apiUrl, PORT: '0', QUORUM_STORE: `file:${await storeDir()}` },
      os.tmpdir(),
    );
    try {
      const port = opsPort(await quorum.lineWhere((l) => l.event === 'started'));
      expect((await get(port, '/livez')).status).toBe(200);
      const ready = await get(port, '/readyz');
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ ready: true, stopping: false, store: 'ok', platforms: { slack: 'connected' } });

      // The first post is answered 429 once: the client waits the Retry-After, posts again, and the limit is counted.
      fake.script('chat.postMessage', { status: 429, headers: { 'retry-after': '1' } });
      const body = eventBody({ team: 'T-OPS' }, { type: 'app_mention', user: 'U1', text: '<@UBOT> show P5', ts: '1700001000.000001', channel: 'C-OPS' });
      expect((await postToSlackApp(port, body)).status).toBe(200);
      expect((await postToSlackApp(port, body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
      await fake.waitFor('chat.postMessage', 2, 10_000);

      const metrics = await get(port, '/metrics');
      expect(metrics.headers.get('content-type')).toContain('text/plain');
      const text = await metrics.text();
      expect(sample(text, 'quorum_turns_total', { platform: 'slack', kind: 'showEntry', outcome: 'ok' })).toBe(1);
      expect(sample(text, 'quorum_turn_duration_seconds_count', { platform: 'slack', kind: 'showEntry' })).toBe(1);
      expect(sample(text, 'quorum_turns_in_flight')).toBe(0);
      expect(sample(text, 'quorum_dropped_retries_total', { platform: 'slack' })).toBe(1);
      expect(sample(text, 'quorum_rate_limited_total', { platform: 'slack', scope: 'chat' })).toBe(1);
      expect(sample(text, 'quorum_store_call_duration_seconds_count', { operation: 'claim', outcome: 'ok' })).toBe(2);
      expect(sample(text, 'quorum_store_call_duration_seconds_count', { operation: 'getSession', outcome: 'ok' })).toBeGreaterThan(0);
      // Every metric, the process ones included, is Quorum's.
      const names = text.split('\n').filter((l) => l.startsWith('# TYPE ')).map((l) => l.split(' ')[2]);
      expect(names.filter((n) => !n!.startsWith('quorum_'))).toEqual([]);
      // Metrics carry no words, tokens or workspace ids.
      expect(text).not.toMatch(/P5|xoxb|T-OPS|C-OPS/);
      await stopCleanly(quorum);
    } finally {
      quorum.kill();
      await fake.close();
    }
  }, 60_000);
});

describe('operations in Socket Mode (an ops server of its own on PORT)', () => {
  it('serves /livez, /readyz and /metrics, and /readyz turns 503 when the socket drops', async () => {
    const fake = await startFakeSlack();
    const quorum = spawnQuorum(
      { SLACK_BOT_TOKEN: 'xoxb-ops-socket', SLACK_APP_TOKEN: 'xapp-1-ops', SLACK_API_URL: fake.apiUrl, PORT: '0', QUORUM_STORE: `file:${await storeDir()}` },
      os.tmpdir(),
    );
    try {
      const started = await quorum.lineWhere((l) => l.event === 'started');
      const port = opsPort(started);
      expect((await get(port, '/livez')).status).toBe(200);
      expect(await (await get(port, '/readyz')).json()).toMatchObject({ ready: true, platforms: { slack: 'connected' } });
      const payload = JSON.parse(eventBody({ team: 'T-SOCK' }, { type: 'app_mention', user: 'U1', text: '<@UBOT> help', ts: '1700001100.000001', channel: 'C-SOCK' }));
      fake.socket.send({ envelope_id: 'env-ops', type: 'events_api', payload, accepts_response_payload: false, retry_attempt: 0, retry_reason: '' });
      await fake.waitFor('chat.postMessage');
      expect(sample(await (await get(port, '/metrics')).text(), 'quorum_turns_total', { platform: 'slack', kind: 'help', outcome: 'ok' })).toBe(1);
      expect((await get(port, '/nope')).status).toBe(404);

      // The fake drops the socket: until Bolt reconnects, this instance is not ready.
      await fake.close();
      await expect.poll(async () => (await get(port, '/readyz')).status, { timeout: 10_000 }).toBe(503);
      expect(await (await get(port, '/readyz')).json()).toMatchObject({ ready: false, platforms: { slack: 'disconnected' } });
      expect((await get(port, '/livez')).status).toBe(200);
      await stopCleanly(quorum);
    } finally {
      quorum.kill();
      await fake.close().catch(() => undefined);
    }
  }, 60_000);
});

describe('operations in Discord-only mode (an ops server of its own on PORT)', () => {
  it('serves /livez, /readyz with the gateway connected, and counts Discord turns and rate limits', async () => {
    const fake = await new FakeDiscord().start();
    const quorum = spawnQuorum(
      { DISCORD_TOKEN: 'fake-token', DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, PORT: '0', QUORUM_STORE: `file:${await storeDir()}` },
      os.tmpdir(),
    );
    try {
      const port = opsPort(await quorum.lineWhere((l) => l.event === 'started'));
      expect((await get(port, '/livez')).status).toBe(200);
      expect(await (await get(port, '/readyz')).json()).toEqual({ ready: true, stopping: false, store: 'ok', platforms: { discord: 'connected' } });
      // The first callback is answered 429 with Discord's rate-limit headers: discord.js waits the Retry-After and
      // sends the callback again, and the 429 is counted by its scope (interaction callbacks go through a
      // discord.js handler that never emits its RateLimited event, so this needs the REST call observed).
      fake.failNext('POST', /\/callback$/, 429, { message: 'You are being rate limited.', retry_after: 0.3, global: false }, {
        'retry-after': '0.3',
        'x-ratelimit-limit': '1',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': '0.3',
        'x-ratelimit-bucket': 'ops-test-bucket',
        'x-ratelimit-scope': 'user',
      });
      await callbackOf(fake, slash(fake, alice, 'lookup', { query: 'outbox' }));
      await expect
        .poll(async () => sample(await (await get(port, '/metrics')).text(), 'quorum_turns_total', { platform: 'discord', kind: 'lookup', outcome: 'ok' }))
        .toBe(1);
      await expect
        .poll(async () => sample(await (await get(port, '/metrics')).text(), 'quorum_rate_limited_total', { platform: 'discord', scope: 'user' }))
        .toBe(1);
      // The callback was sent again once the bucket reset, and only once.
      await expect.poll(() => fake.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/callback')).length).toBe(2);
      await stopCleanly(quorum);
    } finally {
      quorum.kill();
      await fake.close();
    }
  }, 60_000);
});

describe('operations with Discord as shard processes (DISCORD_SHARDS)', () => {
  it('serves /readyz once every shard is ready, and /metrics counts the turns the shard processes handled', async () => {
    const fake = await new FakeDiscord().start();
    const quorum = spawnQuorum(
      { DISCORD_TOKEN: 'fake-token', DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, DISCORD_SHARDS: '2', PORT: '0', QUORUM_STORE: 'memory:' },
      os.tmpdir(),
    );
    try {
      const port = opsPort(await quorum.lineWhere((l) => l.event === 'started'));
      expect(await (await get(port, '/readyz')).json()).toEqual({ ready: true, stopping: false, store: 'ok', platforms: { discord: 'connected' } });
      await callbackOf(fake, slash(fake, alice, 'lookup', { query: 'outbox' }));
      // The turn ran in a shard process; the manager's /metrics asks every shard for its counts.
      await expect
        .poll(async () => sample(await (await get(port, '/metrics')).text(), 'quorum_turns_total', { platform: 'discord', kind: 'lookup', outcome: 'ok' }), { timeout: 20_000 })
        .toBe(1);
      await stopCleanly(quorum);
    } finally {
      quorum.kill();
      await fake.close();
    }
  }, 120_000);
});
