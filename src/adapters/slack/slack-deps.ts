import type { Door } from '../../dialog/door.ts';
import type { ReplyQueue } from '../../ops/reply-queue.ts';

/** Where the adapter reports bugs and refused calls: the error, plus context without secrets. */
export type SlackLog = (err: unknown, context: Record<string, unknown>) => void;

/** What every Slack handler needs: the core and stores, the log, and the queue replies go out through. */
export interface SlackDeps {
  quorum: Door;
  log: SlackLog;
  replies: ReplyQueue;
}

/** How long a Slack event id is remembered, so a retried delivery is dropped (Slack retries within minutes). */
export const eventDedupTtlMs = 60 * 60 * 1000;
