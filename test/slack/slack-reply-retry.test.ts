import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createReplyQueue } from '../../src/ops/reply-queue.ts';
import { recordingObserver } from '../helpers/recording-observer.ts';
import { until } from '../helpers/until.ts';
import { startHarness, type SlackHarness } from './slack-harness.ts';

/** What the adapter reported to operations: retries and replies given up. */
const { counted, observer, reset } = recordingObserver();

let channels = 0;

describe('Slack replies that fail to send', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startHarness({
      slack: {
        host: '127.0.0.1',
        observer,
        // As in production: the SDK tries each call twice, each cut at 4 s (a held call ends there).
        clientOptions: { retryConfig: { retries: 1, factor: 1, minTimeout: 10, maxTimeout: 20 }, timeout: 4000 },
        replies: createReplyQueue({ policy: { delaysMs: [50, 50, 50], maxRetryAfterMs: 1000 }, observer }),
      },
    });
  });
  afterAll(() => h.close());
  beforeEach(() => {
    reset();
  });

  /** Starts an interview with `/quorum design` in a fresh channel; resolves once its first question is posted. */
  async function interview() {
    const where = { team: 'T-retry', channel: `C-retry-${++channels}`, user: 'U1' };
    await h.command(where, 'design');
    const opener = await until(() => h.fake.posted(where.channel).find((m) => !m.thread_ts), 'the opening post');
    await until(() => (h.fake.posted(where.channel, opener.ts).length === 1 ? true : undefined), 'the first question');
    let n = 0;
    const say = (text: string) =>
      h.event(where, { type: 'message', channel: where.channel, channel_type: 'channel', thread_ts: opener.ts, ts: `1710000000.${String(++n).padStart(6, '0')}`, user: where.user, text });
    const texts = () => h.fake.posted(where.channel, opener.ts).map((m) => m.text);
    const postsAtLeast = (count: number) => until(() => (texts().length >= count ? texts() : undefined), `${count} posts in the thread`);
    return { where, thread: opener.ts, say, texts, postsAtLeast };
  }

  it('posts a reply that failed twice (500s past the SDK retries) once, and keeps the thread in order behind it', async () => {
    const t = await interview();
    // Each try is two calls (the SDK's own retry): two tries fail, the third goes through.
    h.fake.failNext('chat.postMessage', 4, { status: 500 });
    await t.say('checkout service');
    // While the first reply waits for its retry, the next answer comes in; its question must come after.
    await until(() => (h.fake.failedCalls('chat.postMessage') >= 2 ? true : undefined), 'the first failed try');
    await t.say('audit trail');
    const texts = await t.postsAtLeast(5);
    expect(texts[1]).toMatch(/^I read:/);
    expect(texts.slice(3).map((text) => /Question (\d) of 5/.exec(text)?.[1])).toEqual(['1', '2']);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts).toHaveLength(5);
    expect(counted).toEqual({ retried: 2, lost: [] });
  });

  it('does not post twice a reply Slack took while its answer timed out: it looks in the thread first', async () => {
    const t = await interview();
    h.fake.failNext('chat.postMessage', 1, { timeout: true, accepted: true });
    await t.say('checkout service');
    const texts = await t.postsAtLeast(4);
    expect(h.fake.callsTo('conversations.replies').length).toBeGreaterThan(0);
    // The SDK did not send the timed-out call again on its own either.
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.params.thread_ts === t.thread && String(c.params.text).startsWith('I read:'))).toHaveLength(1);
    expect(new Set(texts).size).toBe(texts.length);
    expect(counted.lost).toEqual([]);
  });

  it('posts a reply Slack did not take before the timeout once it is sure it is not in the thread', async () => {
    const t = await interview();
    h.fake.failNext('chat.postMessage', 1, { timeout: true });
    await t.say('checkout service');
    const texts = await t.postsAtLeast(4);
    expect(texts.filter((text) => text.startsWith('I read:'))).toHaveLength(1);
    expect(new Set(texts).size).toBe(texts.length);
    expect(counted).toEqual({ retried: 1, lost: [] });
  });

  it('posts once a reply whose connection was cut after Slack took it', async () => {
    const t = await interview();
    h.fake.failNext('chat.postMessage', 1, { reset: true, accepted: true });
    await t.say('checkout service');
    const texts = await t.postsAtLeast(4);
    expect(texts.filter((text) => text.startsWith('I read:'))).toHaveLength(1);
    expect(new Set(texts).size).toBe(texts.length);
    expect(counted).toEqual({ retried: 1, lost: [] });
  });

  it('does not retry a permanent refusal, and tells the person what to do', async () => {
    const t = await interview();
    const before = h.fake.callsTo('chat.postMessage').length;
    const explained = h.fake.callsTo('chat.postEphemeral').length;
    h.fake.failNext('chat.postMessage', 1, { error: 'channel_not_found' });
    await t.say('checkout service');
    const [note] = (await h.fake.waitFor('chat.postEphemeral', explained + 1)).slice(explained);
    expect(String(note!.params.text)).toContain('/invite @Quorum');
    expect(h.fake.callsTo('chat.postMessage').length - before).toBe(1);
    expect(counted).toEqual({ retried: 0, lost: ['permanent'] });
  });

  it('loses nothing when the last try timed out but Slack took it: it looks in the thread once more', async () => {
    const t = await interview();
    const explained = h.fake.callsTo('chat.postEphemeral').length;
    // Three tries of two calls fail with 503; the fourth and last is taken while its answer times out.
    h.fake.failNext('chat.postMessage', 6, { status: 503 });
    h.fake.failNext('chat.postMessage', 1, { timeout: true, accepted: true });
    await t.say('checkout service');
    const texts = await t.postsAtLeast(4);
    expect(texts.filter((text) => text.startsWith('I read:'))).toHaveLength(1);
    expect(new Set(texts).size).toBe(texts.length);
    expect(h.fake.callsTo('chat.postEphemeral').length).toBe(explained);
    expect(counted).toEqual({ retried: 3, lost: [] });
  }, 15_000);

  it('tells the person privately when every try failed, and counts the reply as lost', async () => {
    const t = await interview();
    const explained = h.fake.callsTo('chat.postEphemeral').length;
    // Four tries (one and three retries) of two calls each.
    h.fake.failNext('chat.postMessage', 8, { status: 503 });
    await t.say('checkout service');
    const [note] = (await h.fake.waitFor('chat.postEphemeral', explained + 1)).slice(explained);
    expect(note!.params).toMatchObject({ channel: t.where.channel, user: t.where.user, thread_ts: t.thread });
    expect(String(note!.params.text)).toContain("I couldn't post my full answer");
    expect(t.texts()).toHaveLength(1);
    expect(counted).toEqual({ retried: 3, lost: ['exhausted'] });
  });

  it('retries a private answer whose response_url post failed with a 5xx', async () => {
    const where = { team: 'T-retry', channel: `C-retry-${++channels}`, user: 'U1' };
    h.fake.failNext('response_url', 1, { status: 502 });
    const { responseId } = await h.command(where, 'law cap');
    const answered = await until(() => {
      const calls = h.fake.callsTo('response_url').filter((c) => c.params.responseId === responseId);
      return calls.length >= 2 ? calls : undefined;
    }, 'the retried response');
    expect(answered).toHaveLength(2);
    expect(counted).toEqual({ retried: 1, lost: [] });
  });
});
