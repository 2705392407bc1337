import { describe, expect, it } from 'vitest';
import { createReplyQueue, type GiveUpReason, type SendFailure, type SendStep } from '../../src/ops/reply-queue.ts';

/** A step that fails with each of `failures` in turn, then succeeds; it records into `sent` when it goes out. */
function scripted(name: string, sent: string[], failures: SendFailure['kind'][] = [], retryUncertain = true) {
  const tries: boolean[] = [];
  const step: SendStep = {
    retryUncertain,
    async send(afterUncertain) {
      tries.push(afterUncertain);
      const failure = failures[tries.length - 1];
      if (failure) throw new Error(failure);
      sent.push(name);
    },
  };
  return { step, tries };
}

const judge = (err: unknown): SendFailure => ({ kind: (err as Error).message as SendFailure['kind'] });

/** A queue with tiny waits that records what it counted. */
function recordingQueue(delaysMs = [1, 1, 1]) {
  const counted = { retried: 0, lost: [] as GiveUpReason[] };
  const queue = createReplyQueue({
    policy: { delaysMs, maxRetryAfterMs: 1000 },
    observer: { replyRetried: () => void (counted.retried += 1), replyGivenUp: (_, reason) => void counted.lost.push(reason) },
  });
  return { queue, counted };
}

describe('the reply queue', () => {
  it('sends a step that fails twice with a passing error on its third try, once', async () => {
    const { queue, counted } = recordingQueue();
    const sent: string[] = [];
    const a = scripted('a', sent, ['transient', 'transient']);
    const done = await queue.deliver({ platform: 'test', key: 't', steps: [a.step], judge, context: {} });
    expect(done).toEqual({ sent: 1, retries: 2 });
    expect(sent).toEqual(['a']);
    expect(counted).toEqual({ retried: 2, lost: [] });
  });

  it('never retries a permanent refusal, and sends nothing after it', async () => {
    const { queue, counted } = recordingQueue();
    const sent: string[] = [];
    const a = scripted('a', sent, ['permanent']);
    const b = scripted('b', sent);
    const done = await queue.deliver({ platform: 'test', key: 't', steps: [a.step, b.step], judge, context: {} });
    expect(done.failed?.reason).toBe('permanent');
    expect(done.sent).toBe(0);
    expect(a.tries).toHaveLength(1);
    expect(b.tries).toHaveLength(0);
    expect(counted).toEqual({ retried: 0, lost: ['permanent'] });
  });

  it('gives a step up once every retry failed, and counts it', async () => {
    const { queue, counted } = recordingQueue([1, 1]);
    const sent: string[] = [];
    const a = scripted('a', sent, ['transient', 'transient', 'transient', 'transient']);
    const done = await queue.deliver({ platform: 'test', key: 't', steps: [a.step], judge, context: {} });
    expect(done.failed?.reason).toBe('exhausted');
    expect(a.tries).toHaveLength(3);
    expect(counted).toEqual({ retried: 2, lost: ['exhausted'] });
  });

  it('does not send again a step that may have landed unless it says that is safe, and tells a safe one so', async () => {
    const { queue, counted } = recordingQueue();
    const sent: string[] = [];
    const unsafe = scripted('unsafe', sent, ['uncertain'], false);
    const first = await queue.deliver({ platform: 'test', key: 'u', steps: [unsafe.step], judge, context: {} });
    expect(first.failed?.reason).toBe('uncertain');
    expect(unsafe.tries).toEqual([false]);
    const safe = scripted('safe', sent, ['uncertain', 'transient']);
    const second = await queue.deliver({ platform: 'test', key: 's', steps: [safe.step], judge, context: {} });
    expect(second.failed).toBeUndefined();
    // Once a try may have landed, every later try is told, so it looks before it sends.
    expect(safe.tries).toEqual([false, true, true]);
    expect(counted.lost).toEqual(['uncertain']);
  });

  it('keeps a thread in order: a later delivery waits behind an earlier one that is retrying; other threads do not', async () => {
    const { queue } = recordingQueue([20, 20]);
    const sent: string[] = [];
    const first = scripted('t1-first', sent, ['transient', 'transient']);
    const second = scripted('t1-second', sent);
    const other = scripted('t2', sent);
    const a = queue.deliver({ platform: 'test', key: 't1', steps: [first.step], judge, context: {} });
    const b = queue.deliver({ platform: 'test', key: 't1', steps: [second.step], judge, context: {} });
    const c = queue.deliver({ platform: 'test', key: 't2', steps: [other.step], judge, context: {} });
    await c;
    expect(sent).toEqual(['t2']);
    await Promise.all([a, b]);
    expect(sent).toEqual(['t2', 't1-first', 't1-second']);
  });

  it('waits at least what a rate limit asks, and gives up when it asks more than the policy allows', async () => {
    const queue = createReplyQueue({ policy: { delaysMs: [1, 1], maxRetryAfterMs: 50 } });
    const sent: string[] = [];
    const started = Date.now();
    let tries = 0;
    const limited = (ms: number): SendStep => ({
      retryUncertain: true,
      async send() {
        tries += 1;
        if (tries === 1) throw Object.assign(new Error('limited'), { retryAfterMs: ms });
        sent.push('x');
      },
    });
    const judgeLimit = (err: unknown): SendFailure => ({ kind: 'transient', retryAfterMs: (err as { retryAfterMs: number }).retryAfterMs });
    expect((await queue.deliver({ platform: 'test', key: 'k', steps: [limited(30)], judge: judgeLimit, context: {} })).failed).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(29);
    tries = 0;
    expect((await queue.deliver({ platform: 'test', key: 'k', steps: [limited(60_000)], judge: judgeLimit, context: {} })).failed?.reason).toBe('exhausted');
  });

  it('on hurry, ends every wait at once and gives each waiting step one last try', async () => {
    const queue = createReplyQueue({ policy: { delaysMs: [600_000, 600_000], maxRetryAfterMs: 1000 } });
    const sent: string[] = [];
    const recovers = scripted('recovers', sent, ['transient']);
    const stays = scripted('stays down', sent, ['transient', 'transient', 'transient']);
    const a = queue.deliver({ platform: 'test', key: 'a', steps: [recovers.step], judge, context: {} });
    const b = queue.deliver({ platform: 'test', key: 'b', steps: [stays.step], judge, context: {} });
    while (queue.waiting() < 2) await new Promise((r) => setImmediate(r));
    queue.hurry();
    expect((await a).failed).toBeUndefined();
    expect((await b).failed?.reason).toBe('exhausted');
    expect(stays.tries).toHaveLength(2);
    expect(sent).toEqual(['recovers']);
    expect(queue.waiting()).toBe(0);
  });

  it('spreads its waits by the policy\'s jitter, and never waits less than a rate limit asks', async () => {
    const waits: number[] = [];
    const log = (_err: unknown, context: Record<string, unknown>) => {
      const wait = /^retrying in (\d+) ms$/.exec(String(context.reply))?.[1];
      if (wait) waits.push(Number(wait));
    };
    const queue = createReplyQueue({ policy: { delaysMs: Array(30).fill(20), jitter: 0.5, maxRetryAfterMs: 1000 }, log });
    const sent: string[] = [];
    const flaky = scripted('flaky', sent, Array(30).fill('transient'));
    expect(await queue.deliver({ platform: 'test', key: 'j', steps: [flaky.step], judge, context: {} })).toEqual({ sent: 1, retries: 30 });
    expect(waits).toHaveLength(30);
    for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(10), expect(wait).toBeLessThanOrEqual(30);
    // Thirty draws from 10-30 ms are not all one value (the chance that they are is below 1e-40).
    expect(new Set(waits).size).toBeGreaterThan(1);

    waits.length = 0;
    const limited = createReplyQueue({ policy: { delaysMs: Array(10).fill(20), jitter: 0.5, maxRetryAfterMs: 1000 }, log });
    const slow = scripted('slow', sent, Array(10).fill('transient'));
    const rateLimited = (): SendFailure => ({ kind: 'transient', retryAfterMs: 25 });
    await limited.deliver({ platform: 'test', key: 'r', steps: [slow.step], judge: rateLimited, context: {} });
    expect(waits).toHaveLength(10);
    for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(25);
  });

  it('looks once whether a step whose last try timed out landed after all, and gives it up only when it did not', async () => {
    for (const landed of [true, false]) {
      const { queue, counted } = recordingQueue([1, 1]);
      const sent: string[] = [];
      const looks: number[] = [];
      const uncertain = scripted('uncertain', sent, ['uncertain', 'uncertain', 'uncertain']);
      const step: SendStep = { ...uncertain.step, landed: async () => (looks.push(1), landed) };
      const after = scripted('after', sent);
      const done = await queue.deliver({ platform: 'test', key: `l${landed}`, steps: [step, after.step], judge, context: {} });
      expect(uncertain.tries).toEqual([false, true, true]);
      expect(looks).toHaveLength(1);
      if (landed) {
        // It went out on one of its tries: nothing is lost, and the next message follows it.
        expect(done).toEqual({ sent: 2, retries: 2 });
        expect(sent).toEqual(['after']);
        expect(counted.lost).toEqual([]);
      } else {
        expect(done).toMatchObject({ sent: 0, failed: { reason: 'exhausted' } });
        expect(counted.lost).toEqual(['exhausted']);
      }
    }
  });
});
