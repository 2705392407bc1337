import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type RunningSlack } from '../../src/adapters/slack/start-slack.ts';
import { createQuorum, type Quorum } from '../../src/bootstrap.ts';
import type { ThreadKey } from '../../src/dialog/ports/design-store.ts';
import { checkoutAnswers } from '../helpers/dialog-harness.ts';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack.ts';
import { postsIn } from '../slack/slack-harness.ts';
import { eventBody, newEventId, postToSlackApp, testSigningSecret } from '../slack/slack-requests.ts';
import { inCi, missingPostgresMessage, postgresUrl, TestSchemas } from '../store/postgres-database.ts';

const team = 'T-MULTI';
const channel = 'C-MULTI';

/** One Quorum process: its own core and connection pool, its own Bolt HTTP receiver on its own port. */
interface Instance {
  quorum: Quorum;
  slack: RunningSlack;
  port: number;
}

async function startInstance(storeUrl: string, fake: FakeSlack, errors: unknown[]): Promise<Instance> {
  const quorum = await createQuorum({ store: storeUrl, sessionTtlMs: 86_400_000, logLevel: 'silent' }, (err) => errors.push(err));
  const slack = await startSlack(
    quorum,
    { mode: 'http', botToken: 'xoxb-multi', signingSecret: testSigningSecret, apiUrl: fake.apiUrl, port: 0 },
    (err, context) => {
      if (context.level !== 'warn') errors.push(err);
    },
    { host: '127.0.0.1', clientOptions: { retryConfig: { retries: 2, factor: 1, minTimeout: 20, maxTimeout: 100 } } },
  );
  return { quorum, slack, port: slack.port! };
}

if (!postgresUrl && inCi) {
  describe('two Slack instances on one Postgres', () => {
    it('has a test database under CI', () => {
      expect.fail(missingPostgresMessage);
    });
  });
}

describe.skipIf(!postgresUrl)('two Slack instances on one Postgres', () => {
  const schemas = new TestSchemas(postgresUrl ?? '');
  const errors: unknown[] = [];
  let fake: FakeSlack;
  let a: Instance;
  let b: Instance;
  let ts = 1_700_002_000;

  /** Sends a message in a thread of the channel to one instance (Bolt acks it before the turn runs). */
  async function say(to: Instance, thread: string, user: string, text: string, options: { eventId?: string; headers?: Record<string, string> } = {}) {
    ts += 1;
    const event = { type: 'message', channel_type: 'channel', user, text, ts: `${ts}.000001`, thread_ts: thread, channel };
    const response = await postToSlackApp(to.port, eventBody({ team }, event, options.eventId ?? newEventId()), { ...(options.headers && { headers: options.headers }) });
    expect(response.status).toBe(200);
    return event;
  }

  /** Waits until `ready()` holds (checked whenever the fake Slack is called, and every 50 ms). */
  async function until(what: string, ready: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await ready())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await Promise.race([fake.waitFor('chat.postMessage', fake.callsTo('chat.postMessage').length + 1, timeoutMs).catch(() => []), new Promise((r) => setTimeout(r, 50))]);
    }
  }

  /** Waits for the next reply in a thread (a post in it beyond the `seen` ones). */
  async function replyIn(thread: string, seen: number, where = channel): Promise<number> {
    await until(`a reply in ${where}/${thread}`, () => postsIn(fake, where, thread).length > seen);
    return postsIn(fake, where, thread).length;
  }

  beforeAll(async () => {
    fake = await startFakeSlack({ teamId: team });
    const url = await schemas.create();
    a = await startInstance(url, fake, errors);
    b = await startInstance(url, fake, errors);
    expect(a.port).not.toBe(b.port);
  });
  afterAll(async () => {
    for (const instance of [a, b]) {
      await instance?.slack.stop();
      await instance?.quorum.close();
    }
    await fake?.close();
    await schemas.dropAll();
  });

  it('keeps one consistent design when an interview is answered alternately through both instances', async () => {
    const thread = `${++ts}.000001`;
    const key: ThreadKey = { platform: 'slack', workspace: team, channel, thread };
    const start = eventBody({ team }, { type: 'app_mention', user: 'U-A', text: '<@UBOT> interview', ts: thread, channel });
    expect((await postToSlackApp(a.port, start)).status).toBe(200);
    let seen = await replyIn(thread, 0);
    for (const [i, answer] of checkoutAnswers.entries()) {
      await say(i % 2 === 0 ? b : a, thread, i % 2 === 0 ? 'U-B' : 'U-A', answer);
      seen = await replyIn(thread, seen);
    }
    await until('the assessed design', async () => (await a.quorum.stores.designs.getDesign(key)) !== undefined);
    const [fromA, fromB] = await Promise.all([a.quorum.stores.designs.getDesign(key), b.quorum.stores.designs.getDesign(key)]);
    expect(fromA).toEqual(fromB);
    expect(fromA?.versions).toHaveLength(1);
    const latest = fromA!.versions[0]!;
    expect(latest.requirements).toMatchObject({ name: 'checkout service', domain: 'ecommerce', writesPerSec: 2000, readsPerSec: 40_000 });
    expect(new Set(Object.values(latest.answeredBy))).toEqual(new Set(['U-A', 'U-B']));
    expect(errors).toEqual([]);
  });

  it('answers a retried event once when the retry reaches the other instance', async () => {
    const thread = `${++ts}.000001`;
    const eventId = newEventId();
    const mention = { type: 'app_mention', user: 'U-A', text: '<@UBOT> show P5', ts: thread, channel: 'C-RETRY' };
    expect((await postToSlackApp(a.port, eventBody({ team }, mention, eventId))).status).toBe(200);
    const answered = await replyIn(thread, 0, 'C-RETRY');
    const retry = await postToSlackApp(b.port, eventBody({ team }, mention, eventId), { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    // A fresh event to the same instance afterwards is answered; by then a double answer would have shown.
    const after = `${++ts}.000001`;
    expect((await postToSlackApp(b.port, eventBody({ team }, { ...mention, ts: after, channel: 'C-AFTER' }))).status).toBe(200);
    await replyIn(after, 0, 'C-AFTER');
    expect(postsIn(fake, 'C-RETRY')).toHaveLength(answered);
  });

  it('loses no what-if when several arrive at both instances at once', async () => {
    const thread = `${++ts}.000001`;
    const key: ThreadKey = { platform: 'slack', workspace: team, channel, thread };
    const first = eventBody({ team }, { type: 'app_mention', user: 'U-A', text: '<@UBOT> set writesPerSec 1000', ts: thread, channel });
    expect((await postToSlackApp(a.port, first)).status).toBe(200);
    const seen = await replyIn(thread, 0);
    await say(b, thread, 'U-B', 'assess');
    await replyIn(thread, seen);
    await until('the first version', async () => (await a.quorum.stores.designs.getDesign(key)) !== undefined);
    const v1 = (await a.quorum.stores.designs.getDesign(key))!.versions.length;
    expect(v1).toBe(1);

    const whatIfs = ['set readsPerSec 5000', 'set dataSizeGb 300', 'set regions 2', 'set replicas 5', 'set readLatencyMs 50ms', 'set peakFactor 3'];
    await Promise.all(whatIfs.map((text, i) => say(i % 2 === 0 ? a : b, thread, i % 2 === 0 ? 'U-A' : 'U-B', text)));
    const versions = async () => (await b.quorum.stores.designs.getDesign(key))?.versions.length ?? 0;
    await until(`${whatIfs.length} what-if versions`, async () => (await versions()) >= v1 + whatIfs.length).catch(() => undefined);

    const design = await b.quorum.stores.designs.getDesign(key);
    expect(design?.versions).toHaveLength(v1 + whatIfs.length);
    expect(design?.versions.at(-1)?.requirements).toMatchObject({ readsPerSec: 5000, dataSizeGb: 300, regions: 2, replicas: 5, readLatencyMs: 50, peakFactor: 3 });
    expect(errors).toEqual([]);
  });
});
