/**
 * Replies Quorum owes, kept until the platform takes them. A turn's messages go out in order, behind
 * any earlier messages of the same thread still waiting; a send the platform refused for a passing
 * reason (a 5xx, a timeout, a reset, a rate limit) is tried again with backoff, a permanent refusal
 * never. Platform-free: each adapter says how to send and how to judge its platform's errors.
 */

/** What a failed send means, as its platform's adapter judges the error. */
export type SendFailure =
  /** The platform certainly did not take it, and may later: try again (not before `retryAfterMs`). */
  | { kind: 'transient'; retryAfterMs?: number }
  /** The call timed out or was cut after it was sent: the platform may have taken it. */
  | { kind: 'uncertain' }
  /** Trying again cannot help (no access, a bad request, a bug): never retried. */
  | { kind: 'permanent' };

/** One message of a delivery. */
export interface SendStep {
  /**
   * Sends the message. `afterUncertain` is true when an earlier try of this step may have landed, so a
   * step that can check (Slack: look in the thread) does so before sending again.
   */
  send(afterUncertain: boolean): Promise<void>;
  /**
   * Whether this step may be tried again after an uncertain failure: true when sending twice cannot
   * show twice (an edit, a send the platform dedups by nonce, a step that checks first).
   */
  retryUncertain: boolean;
  /**
   * For a step that can check (Slack: look in the thread): whether an earlier try landed after all. Asked
   * once when the last try may have landed, so a reply that did go out is not counted lost.
   */
  landed?(): Promise<boolean>;
}

/** One turn's messages for one thread. */
export interface Delivery {
  platform: string;
  /** The ordering scope: messages of the same key never overtake one another. */
  key: string;
  steps: readonly SendStep[];
  judge(err: unknown): SendFailure;
  /** Logged with a failure (where it was going; never the text). */
  context: Record<string, unknown>;
}

/** Why a delivery stopped short. `uncertain`: the last step may have landed, and was not sent again. */
export type GiveUpReason = 'permanent' | 'exhausted' | 'uncertain';

/** How a delivery ended: `sent` steps went out; when some did not, why and the last error. */
export interface Delivered {
  sent: number;
  retries: number;
  failed?: { reason: GiveUpReason; error: unknown };
}

/** Backoff between tries of one step. */
export interface RetryPolicy {
  /** The wait before each retry, in ms; as many retries as entries. */
  delaysMs: readonly number[];
  /**
   * Each wait is drawn from delay × (1 ± jitter), so replies that failed together (an outage, a restart of
   * the platform's edge) do not all come back at the same instant, nor in step with a fault that recurs
   * on a clock. 0 (the default) waits exactly `delaysMs`.
   */
  jitter?: number;
  /** A rate limit asking for a longer wait than this gives the reply up. */
  maxRetryAfterMs: number;
}

/**
 * Four retries over about 100 s: a blip, a restart of the platform's edge, a minute-long rate limit.
 * Longer, and the person has asked again or left; the adapter then tells them plainly.
 */
export const defaultRetryPolicy: RetryPolicy = { delaysMs: [2_000, 8_000, 30_000, 60_000], jitter: 0.25, maxRetryAfterMs: 60_000 };

/** Told of every retry and every reply given up (operations' metrics). */
export interface ReplyObserver {
  replyRetried(platform: string): void;
  replyGivenUp(platform: string, reason: GiveUpReason): void;
}

/** Receives a failed try or a reply given up: the error, and context without secrets or user text. */
export type ReplyLog = (err: unknown, context: Record<string, unknown>) => void;

/** The queue a serving process shares between its adapters. */
export interface ReplyQueue {
  /** Sends the steps in order once the key's earlier deliveries are done; resolves when it ended. */
  deliver(delivery: Delivery): Promise<Delivered>;
  /** Deliveries waiting for a retry right now. */
  waiting(): number;
  /** Shutdown: every wait ends now, and each step gets one more try at most. */
  hurry(): void;
}

/** Options for createReplyQueue; tests pass small delays. */
export interface ReplyQueueOptions {
  policy?: RetryPolicy;
  observer?: ReplyObserver;
  log?: ReplyLog;
}

const noObserver: ReplyObserver = { replyRetried() {}, replyGivenUp() {} };

/** A queue with nothing waiting. */
export function createReplyQueue(options: ReplyQueueOptions = {}): ReplyQueue {
  const policy = options.policy ?? defaultRetryPolicy;
  const observer = options.observer ?? noObserver;
  const log = options.log ?? (() => {});
  const tails = new Map<string, Promise<unknown>>();
  const sleepers = new Set<() => void>();
  let waiting = 0;
  let hurried = false;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleepers.add(wake);
    });

  /** Tries one step until it goes out or is given up. */
  async function attempt(delivery: Delivery, step: SendStep, index: number): Promise<{ retries: number; failed?: Delivered['failed'] }> {
    let afterUncertain = false;
    for (let retry = 0; ; retry++) {
      const wasHurried = hurried;
      try {
        await step.send(afterUncertain);
        return { retries: retry };
      } catch (error) {
        const failure = delivery.judge(error);
        const where = { ...delivery.context, platform: delivery.platform, step: index, tries: retry + 1 };
        const giveUp = (reason: GiveUpReason) => {
          observer.replyGivenUp(delivery.platform, reason);
          log(error, { ...where, level: reason === 'permanent' ? 'warn' : 'error', reply: `given up (${reason})` });
          return { retries: retry, failed: { reason, error } };
        };
        if (failure.kind === 'permanent') return giveUp('permanent');
        if (failure.kind === 'uncertain' && !step.retryUncertain) return giveUp('uncertain');
        const delay = policy.delaysMs[retry];
        const retryAfter = failure.kind === 'transient' ? (failure.retryAfterMs ?? 0) : 0;
        if (delay === undefined || retryAfter > policy.maxRetryAfterMs || wasHurried) {
          // The last try timed out and may have landed: a step that can look, looks once (after the first wait,
          // unless shutdown is hurrying), and a reply that went out is not given up.
          if (failure.kind === 'uncertain' && step.landed) {
            if (!hurried) await pause(policy.delaysMs[0] ?? 0);
            if (await step.landed().catch(() => false)) return { retries: retry };
          }
          return giveUp('exhausted');
        }
        afterUncertain ||= failure.kind === 'uncertain';
        // A rate limit's Retry-After is a floor; jitter only ever spreads the policy's own waits.
        const wait = Math.round(Math.max(delay * (1 + (policy.jitter ?? 0) * (2 * Math.random() - 1)), retryAfter));
        log(error, { ...where, level: 'warn', reply: `retrying in ${wait} ms` });
        observer.replyRetried(delivery.platform);
        waiting += 1;
        try {
          if (!hurried) await pause(wait);
        } finally {
          waiting -= 1;
        }
      }
    }
  }

  async function run(delivery: Delivery): Promise<Delivered> {
    let retries = 0;
    for (const [index, step] of delivery.steps.entries()) {
      const tried = await attempt(delivery, step, index);
      retries += tried.retries;
      // The rest would read out of context after a missing message; the adapter tells the person instead.
      if (tried.failed) return { sent: index, retries, failed: tried.failed };
    }
    return { sent: delivery.steps.length, retries };
  }

  return {
    deliver(delivery) {
      const before = tails.get(delivery.key) ?? Promise.resolve();
      const done = before.then(() => run(delivery));
      const tail = done.catch(() => undefined);
      tails.set(delivery.key, tail);
      // The last delivery of a key forgets it, so the map holds only threads with something in flight.
      void tail.then(() => {
        if (tails.get(delivery.key) === tail) tails.delete(delivery.key);
      });
      return done;
    },
    waiting: () => waiting,
    hurry() {
      hurried = true;
      for (const wake of [...sleepers]) wake();
    },
  };
}
