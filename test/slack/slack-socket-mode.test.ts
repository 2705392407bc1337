import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type RunningSlack } from '../../src/adapters/slack/start-slack.ts';
import { createQuorum, type Quorum } from '../../src/bootstrap.ts';
import { shownText } from './block-limits.ts';
import { startFakeSlack, type FakeSlack } from './fake-slack.ts';
import { eventBody } from './slack-requests.ts';

describe('the Slack app in Socket Mode', () => {
  let fake: FakeSlack;
  let quorum: Quorum;
  let slack: RunningSlack;
  const logs: unknown[] = [];

  beforeAll(async () => {
    fake = await startFakeSlack();
    quorum = await createQuorum({ store: 'memory:', sessionTtlMs: 86_400_000, logLevel: 'silent' });
    slack = await startSlack(
      quorum,
      { mode: 'socket', botToken: 'xoxb-test-token', appToken: 'xapp-1-test', apiUrl: fake.apiUrl, port: 0 },
      (err, context) => logs.push({ err, context }),
    );
  });
  afterAll(async () => {
    await slack.stop();
    await quorum.close();
    await fake.close();
  });

  it('opens its connection through apps.connections.open with the app token and waits for hello', () => {
    const [open] = fake.callsTo('apps.connections.open');
    expect(open?.headers.authorization).toBe('Bearer xapp-1-test');
    expect(fake.socket.connections()).toBe(1);
    expect(slack.port).toBeUndefined();
  });

  it('acknowledges an event envelope over the socket and answers the mention in its thread', async () => {
    const payload = JSON.parse(eventBody({ team: 'T-sock' }, { type: 'app_mention', user: 'U1', text: '<@UBOT> show P5', ts: '1700000700.000001', channel: 'C-sock' }));
    fake.socket.send({ envelope_id: 'env-1', type: 'events_api', payload, accepts_response_payload: false, retry_attempt: 0, retry_reason: '' });
    const [post] = await fake.waitFor('chat.postMessage');
    expect(post!.params).toMatchObject({ channel: 'C-sock', thread_ts: '1700000700.000001' });
    expect(shownText(post!.params.blocks)).toContain('P5');
    expect(fake.socket.received).toContainEqual(expect.objectContaining({ envelope_id: 'env-1' }));
  });
});
