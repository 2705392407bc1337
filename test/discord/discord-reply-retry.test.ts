import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createReplyQueue } from '../../src/ops/reply-queue.ts';
import { recordingObserver } from '../helpers/recording-observer.ts';
import { until } from '../helpers/until.ts';
import { alice, slash, startHarness, type Harness } from './bot-harness.ts';
import type { RecordedCall } from './fake-discord.ts';

/** What the adapter reported to operations: retries and replies given up. */
const { counted, observer, reset } = recordingObserver();

/** discord.js sends a call that got a 5xx three more times itself: one try of ours is four calls. */
const callsPerTry = 4;
const internalError = { message: '500: Internal Server Error', code: 0 };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    messageContent: true,
    bot: { observer, replies: createReplyQueue({ policy: { delaysMs: [50, 50, 50], maxRetryAfterMs: 1000 }, observer }) },
  });
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(() => {
  reset();
});

/** Alice types `content` in the thread. */
const say = (threadId: string, content: string) => h.fake.type(threadId, alice, content);

const toThread = (threadId: string) => (c: RecordedCall) => c.method === 'POST' && c.path === `/channels/${threadId}/messages`;
/** Messages the fake created in the thread (a failed call has no response). */
const postedIn = (threadId: string) => h.fake.calls.filter((c) => toThread(threadId)(c) && c.response);
const failedIn = (threadId: string) => h.fake.calls.filter((c) => toThread(threadId)(c) && !c.response);

/** Opens a design thread with /design start; resolves with its id once the first question is in it. */
async function designThread(): Promise<string> {
  const start = slash(h.fake, alice, 'design', { sub: 'start' });
  const created = await h.fake.waitFor((c) => c.path.endsWith('/threads'), 20_000, h.fake.calls.length);
  await h.fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(start.token), 20_000);
  return created.response.id as string;
}

describe('Discord replies that fail to send', () => {
  it('posts a reply that failed twice (5xx past discord.js retries) once, with one nonce, and keeps the thread in order behind it', async () => {
    const thread = await designThread();
    for (let i = 0; i < 2 * callsPerTry; i++) h.fake.failNext('POST', new RegExp(`^/channels/${thread}/messages$`), 500, internalError);
    say(thread, 'checkout service');
    await until(() => (failedIn(thread).length >= callsPerTry ? true : undefined), 'the first failed try');
    say(thread, 'audit trail');
    const posted = await until(() => (postedIn(thread).length >= 5 ? postedIn(thread) : undefined), 'five messages in the thread');
    const texts = posted.map((c) => JSON.stringify(c.body));
    expect(texts[1]).toMatch(/I read:/);
    expect(texts.slice(3).map((t) => /Question (\d) of 5/.exec(t)?.[1])).toEqual(['1', '2']);
    expect(posted).toHaveLength(5);
    // Every try of the first reply carried the same nonce, which Discord enforces.
    const tries = h.fake.calls.filter((c) => toThread(thread)(c) && c.body?.nonce === posted[1]!.body.nonce);
    expect(tries).toHaveLength(2 * callsPerTry + 1);
    expect(tries.every((c) => c.body.enforce_nonce === true)).toBe(true);
    expect(counted).toEqual({ retried: 2, lost: [] });
  });

  it('does not retry a permanent refusal (Missing Access)', async () => {
    const thread = await designThread();
    const before = h.fake.calls.filter(toThread(thread)).length;
    h.fake.failNext('POST', new RegExp(`^/channels/${thread}/messages$`), 403, { message: 'Missing Access', code: 50001 });
    say(thread, 'checkout service');
    await until(() => (counted.lost.length > 0 ? true : undefined), 'the reply given up');
    expect(counted).toEqual({ retried: 0, lost: ['permanent'] });
    expect(h.fake.calls.filter(toThread(thread)).length - before).toBe(1);
  });

  it('tells the thread when every try failed, and counts the reply as lost', async () => {
    const thread = await designThread();
    for (let i = 0; i < 4 * callsPerTry; i++) h.fake.failNext('POST', new RegExp(`^/channels/${thread}/messages$`), 503, internalError);
    say(thread, 'checkout service');
    const note = await h.fake.waitFor((c) => toThread(thread)(c) && Boolean(c.response) && /couldn't post my full answer/.test(String(c.body?.content)), 20_000);
    expect(note.body.allowed_mentions).toEqual({ parse: [] });
    expect(counted).toEqual({ retried: 3, lost: ['exhausted'] });
  });

  it('edits a deferred answer again after the edit failed with a 5xx', async () => {
    const looked = slash(h.fake, alice, 'lookup', { query: 'CAP' });
    for (let i = 0; i < callsPerTry; i++) h.fake.failNext('PATCH', new RegExp(`^/webhooks/\\d+/${looked.token}/messages/@original$`), 502, internalError);
    const edited = await h.fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(looked.token) && Boolean(c.response), 20_000);
    expect(JSON.stringify(edited.body)).toMatch(/CAP/i);
    expect(counted).toEqual({ retried: 1, lost: [] });
  });
});
