import type { ReplyObserver } from './reply-queue.ts';

/**
 * What a chat adapter tells operations about its platform, so metrics and readiness need no SDK.
 * Adapters receive one and call it; they never import prom-client or the ops server.
 */
export interface PlatformObserver extends ReplyObserver {
  /** A redelivered event was dropped because it had been handled already. */
  retryDropped(platform: string): void;
  /** The platform answered a call 429 (`scope`: Discord's `global`, `user` or `shared`, or the Web API method family). */
  rateLimited(platform: string, scope: string): void;
}

/** An observer that ignores everything: for tests and callers that run an adapter without operations. */
export const ignoreObserver: PlatformObserver = {
  retryDropped() {},
  rateLimited() {},
  replyRetried() {},
  replyGivenUp() {},
};
