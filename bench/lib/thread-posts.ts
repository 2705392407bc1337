import type { FakeSlack, RecordedCall } from '../../test/slack/fake-slack.ts';

/**
 * Follows the fake Slack's chat.postMessage calls as they arrive and lets callers wait for the
 * n-th post in a thread (or the first top-level post in a channel), without rescanning per waiter.
 */
export class ThreadPosts {
  readonly #fake: FakeSlack;
  readonly #byThread = new Map<string, RecordedCall[]>();
  readonly #waiters = new Map<string, Array<{ count: number; wake: () => void }>>();
  #seen = 0;
  #stopped = false;

  constructor(fake: FakeSlack) {
    this.#fake = fake;
    void this.#pump();
  }

  async #pump(): Promise<void> {
    while (!this.#stopped) {
      try {
        await this.#fake.waitFor('chat.postMessage', this.#seen + 1, 250);
      } catch {
        continue;
      }
      const posts = this.#fake.callsTo('chat.postMessage');
      for (; this.#seen < posts.length; this.#seen++) {
        const call = posts[this.#seen]!;
        // A post the fake failed on purpose is not in the thread (one it took before failing is).
        if (call.failed) continue;
        const where = `${String(call.params.channel)}/${String(call.params.thread_ts ?? '')}`;
        const list = this.#byThread.get(where) ?? [];
        list.push(call);
        this.#byThread.set(where, list);
        const waiting = this.#waiters.get(where) ?? [];
        const ready = waiting.filter((w) => list.length >= w.count);
        this.#waiters.set(where, waiting.filter((w) => list.length < w.count));
        for (const w of ready) w.wake();
      }
    }
  }

  /** The posts so far in `channel`, in the thread `threadTs` ('' for the top level). */
  posts(channel: string, threadTs: string): RecordedCall[] {
    return this.#byThread.get(`${channel}/${threadTs}`) ?? [];
  }

  /** Resolves once the thread holds at least `count` posts. */
  waitFor(channel: string, threadTs: string, count: number, timeoutMs = 60_000): Promise<RecordedCall[]> {
    const where = `${channel}/${threadTs}`;
    return new Promise((resolve, reject) => {
      const now = this.posts(channel, threadTs);
      if (now.length >= count) return resolve(now);
      const timer = setTimeout(() => reject(new Error(`waited ${timeoutMs} ms for ${count} posts in ${where}`)), timeoutMs);
      const list = this.#waiters.get(where) ?? [];
      list.push({ count, wake: () => (clearTimeout(timer), resolve(this.posts(channel, threadTs))) });
      this.#waiters.set(where, list);
    });
  }

  /** Every thread that got a post in `channel`. */
  threadsIn(channel: string): string[] {
    return [...this.#byThread.keys()].filter((k) => k.startsWith(`${channel}/`) && !k.endsWith('/')).map((k) => k.slice(channel.length + 1));
  }

  stop(): void {
    this.#stopped = true;
  }
}
