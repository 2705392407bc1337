import { startSlack, type RunningSlack, type StartSlackOptions } from '../../src/adapters/slack/start-slack.ts';
import { createQuorum, type Quorum } from '../../src/bootstrap.ts';
import type { Config } from '../../src/config.ts';
import { startFakeSlack, type FakeSlack, type RecordedCall } from './fake-slack.ts';
import {
  blockActionBody,
  eventBody,
  newEventId,
  postToSlackApp,
  slashCommandBody,
  testSigningSecret,
  type Origin,
  type PostResult,
} from './slack-requests.ts';

/** One logged adapter error or warning. */
export interface LoggedError {
  err: unknown;
  context: Record<string, unknown>;
}

/** The real Bolt app on 127.0.0.1 in HTTP mode, the real core on a memory store, and the fake Slack it talks to. */
export interface SlackHarness {
  fake: FakeSlack;
  quorum: Quorum;
  slack: RunningSlack;
  port: number;
  logs: LoggedError[];
  command(origin: Origin, text: string): Promise<PostResult & { responseId: string }>;
  event(origin: Pick<Origin, 'team'>, event: Record<string, unknown>, options?: { eventId?: string; headers?: Record<string, string> }): Promise<PostResult>;
  click(origin: Origin, action: Record<string, unknown>, options: { messageTs: string; threadTs?: string; ephemeral?: boolean }): Promise<PostResult & { responseId: string }>;
  /** Waits until the fake has been quiet for a moment after at least one new call since `since`. */
  settle(since: number): Promise<RecordedCall[]>;
  close(): Promise<void>;
}

let responseCounter = 0;

/** Starts a harness; `store` defaults to memory:, `slack` adds to (or replaces) the adapter's options. */
export async function startHarness(options: { store?: string; slack?: StartSlackOptions } = {}): Promise<SlackHarness> {
  const fake = await startFakeSlack();
  const logs: LoggedError[] = [];
  const log = (err: unknown, context: unknown): void => {
    logs.push({ err, context: context as Record<string, unknown> });
  };
  const quorum = await createQuorum({ store: options.store ?? 'memory:', sessionTtlMs: 86_400_000, logLevel: 'silent' }, log);
  const config: NonNullable<Config['slack']> = {
    mode: 'http',
    botToken: 'xoxb-test-token',
    signingSecret: testSigningSecret,
    apiUrl: fake.apiUrl,
    port: 0,
  };
  const slack = await startSlack(quorum, config, log, {
    host: '127.0.0.1',
    clientOptions: { retryConfig: { retries: 3, factor: 1, minTimeout: 20, maxTimeout: 100 } },
    ...options.slack,
  });
  const port = slack.port!;
  return {
    fake,
    quorum,
    slack,
    port,
    logs,
    async command(origin, text) {
      const responseId = `r${++responseCounter}`;
      const result = await postToSlackApp(port, slashCommandBody(origin, text, fake.responseUrl(responseId)), { form: true });
      return { ...result, responseId };
    },
    event(origin, event, opts = {}) {
      return postToSlackApp(port, eventBody(origin, event, opts.eventId ?? newEventId()), { ...(opts.headers && { headers: opts.headers }) });
    },
    async click(origin, action, opts) {
      const responseId = `r${++responseCounter}`;
      const body = blockActionBody(origin, action, { ...opts, responseUrl: fake.responseUrl(responseId) });
      return { ...(await postToSlackApp(port, body, { form: true })), responseId };
    },
    async settle(since) {
      const deadline = Date.now() + 10_000;
      let seen = fake.calls.length;
      while (Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 120));
        if (fake.calls.length > since && fake.calls.length === seen) return fake.calls.slice(since);
        seen = fake.calls.length;
      }
      throw new Error(`no settled Slack calls after ${since}; saw ${JSON.stringify(fake.calls.slice(since).map((c) => c.method))}`);
    },
    async close() {
      await slack.stop();
      await quorum.close();
      await fake.close();
    },
  };
}

/** The calls that posted into a channel (optionally one thread), in order. */
export function postsIn(fake: FakeSlack, channel: string, thread?: string): RecordedCall[] {
  return fake.callsTo('chat.postMessage').filter((c) => c.params.channel === channel && (thread === undefined || c.params.thread_ts === thread));
}

/** The clickable things in one posted message: buttons with their values, selects with their block ids. */
export function controlsOf(call: RecordedCall): Array<{ type: string; action_id: string; value?: string; block_id?: string; options?: Array<{ value: string; text: { text: string } }>; text?: { text: string } }> {
  const blocks = (call.params.blocks ?? []) as Array<{ type: string; block_id?: string; elements?: Array<Record<string, unknown>> }>;
  return blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements ?? []).map((e) => ({ ...(e as { type: string; action_id: string }), ...(b.block_id && { block_id: b.block_id }) })));
}
