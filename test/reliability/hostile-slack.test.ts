import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postsIn, startHarness, type SlackHarness } from '../slack/slack-harness.ts';
import { eventBody, newEventId, postToSlackApp, signRequest, slashCommandBody } from '../slack/slack-requests.ts';

const team = 'T-HOSTILE';
const channel = 'C-HOSTILE';

/**
 * POSTs a signed body on a connection of its own: the app may answer an oversized body before
 * reading it and drop the connection, which must not break the requests after it.
 */
function postAlone(port: number, body: string): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/slack/events', method: 'POST', agent: false, headers: { 'content-type': 'application/json', ...signRequest(body) } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0 });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A message that, if it got through, would store a session in its thread and post a reply. */
function storingEvent(ts: string, text = 'set writesPerSec 20k', eventId = newEventId()): string {
  return eventBody({ team }, { type: 'message', channel_type: 'im', user: 'U-ATTACKER', text, ts, channel }, eventId);
}

describe('hostile traffic at the Slack HTTP endpoint', () => {
  let h: SlackHarness;
  let rejected = 0;
  const statuses: number[] = [];

  /** Sends a request and counts it as rejected when Slack's app answered with a 4xx. */
  async function send(post: () => Promise<{ status: number }>): Promise<number> {
    const { status } = await post();
    statuses.push(status);
    if (status >= 400 && status < 500) rejected += 1;
    return status;
  }

  async function nothingHappened(since: number): Promise<void> {
    // A genuine request afterwards is answered: once its reply is out, anything the hostile ones caused would be too.
    const ts = `${1_700_100_000 + statuses.length}.000001`;
    await send(() => postToSlackApp(h.port, eventBody({ team }, { type: 'app_mention', user: 'U-OK', text: '<@UBOT> help', ts, channel: 'C-GENUINE' })));
    await h.settle(since);
    expect(h.fake.calls.slice(since).filter((c) => c.params.channel === channel || c.params.channel === 'D-HOSTILE')).toEqual([]);
    expect(h.fake.calls.slice(since).some((c) => c.params.channel === 'C-GENUINE')).toBe(true);
    expect(await h.quorum.stores.designs.getSession({ platform: 'slack', workspace: team, channel, thread: channel })).toBeUndefined();
    expect(await h.quorum.stores.designs.listDesigns({ platform: 'slack', workspace: team, channel })).toEqual([]);
  }

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    console.log(`hostile Slack: ${rejected} requests rejected (statuses ${JSON.stringify(statuses)})`);
    await h.close();
  });

  it('rejects forged, unsigned, tampered and stale requests, storing nothing and calling no Web API', async () => {
    const since = h.fake.calls.length;
    const body = storingEvent('1700000001.000001');
    const now = Math.floor(Date.now() / 1000);
    const codes = [
      await send(() => postToSlackApp(h.port, body, { secret: 'guessed-secret' })),
      await send(() => fetch(`http://127.0.0.1:${h.port}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })),
      await send(() => postToSlackApp(h.port, body, { headers: signRequest(storingEvent('1700000001.000002', 'help')) })),
      await send(() => postToSlackApp(h.port, body, { timestamp: now - 5 * 60 - 30 })),
      await send(() => postToSlackApp(h.port, body, { timestamp: now - 24 * 60 * 60 })),
      await send(() => postToSlackApp(h.port, slashCommandBody({ team, channel, user: 'U-ATTACKER' }, 'design', 'http://127.0.0.1:9/x'), { form: true, secret: 'guessed-secret' })),
    ];
    expect(codes).toEqual([401, 401, 401, 401, 401, 401]);
    await nothingHappened(since);
  });

  it('rejects a signed body of 5 MB (over Bolt\'s limit) with 413', async () => {
    const since = h.fake.calls.length;
    expect(await send(() => postAlone(h.port, storingEvent('1700000001.000004', 'y'.repeat(5 * 1024 * 1024))))).toBe(413);
    await nothingHappened(since);
  });

  // Slack never sends a payload near this size (message text stops at 40,000 characters), so a 2 MB
  // body is an attack; the adapter must refuse it before it reaches the core or the Web API.
  it('rejects a signed body of 2 MB, storing nothing and calling no Web API', async () => {
    const since = h.fake.calls.length;
    const status = await send(() => postAlone(h.port, storingEvent('1700000001.000003', `set name ${'x'.repeat(2 * 1024 * 1024)}`)));
    expect(status).toBe(413);
    await nothingHappened(since);
  });

  it('answers a replayed event (same body and signature) once, whether or not it says it is a retry', async () => {
    const eventId = newEventId();
    const body = eventBody({ team }, { type: 'app_mention', user: 'U-1', text: '<@UBOT> show P5', ts: '1700000002.000001', channel: 'C-REPLAY' }, eventId);
    const headers = signRequest(body);
    const since = h.fake.calls.length;
    expect(await send(() => postToSlackApp(h.port, body, { headers }))).toBe(200);
    await h.settle(since);
    const answered = postsIn(h.fake, 'C-REPLAY').length;
    expect(answered).toBeGreaterThan(0);
    // Bolt acks a duplicate with 200 (Slack would otherwise keep retrying); the de-duplication drops it.
    await send(() => postToSlackApp(h.port, body, { headers }));
    await send(() => postToSlackApp(h.port, body, { headers: { ...headers, 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } }));
    await nothingHappened(h.fake.calls.length);
    expect(postsIn(h.fake, 'C-REPLAY')).toHaveLength(answered);
  });

  it('runs a replayed slash command again, as Slack itself may within five minutes (it has no event id)', async () => {
    const origin = { team, channel: 'C-SLASH', user: 'U-1' };
    const body = slashCommandBody(origin, 'lookup raft', h.fake.responseUrl('replayed'));
    const headers = signRequest(body);
    const answers = () => h.fake.callsTo('response_url').filter((c) => c.params.responseId === 'replayed').length;
    expect(await send(() => postToSlackApp(h.port, body, { form: true, headers }))).toBe(200);
    await h.fake.waitFor('response_url', h.fake.callsTo('response_url').length + (answers() === 0 ? 1 : 0));
    const first = answers();
    expect(await send(() => postToSlackApp(h.port, body, { form: true, headers }))).toBe(200);
    const since = h.fake.calls.length;
    await h.settle(since - 1);
    expect(answers()).toBe(first * 2);
  });
});
