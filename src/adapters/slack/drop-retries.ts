import { AsyncLocalStorage } from 'node:async_hooks';
import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import type { EventDedup } from '../../dialog/ports/event-dedup.ts';
import { eventDedupTtlMs } from './slack-deps.ts';

/** The claim of the event whose listeners are running, for a turn that saved nothing to give back. */
const heldClaim = new AsyncLocalStorage<{ release(): Promise<void> }>();

/**
 * Global middleware: an event whose id was already claimed (Slack redelivers with `X-Slack-Retry-Num`
 * when it thinks an ack was lost) stops here, so no retry produces a second reply. Bolt has acked it already.
 * The listeners run holding the claim: a turn that could not be saved gives it back (releaseEventClaim),
 * and so does a listener that throws, so Slack's retry of that event is handled instead of dropped.
 */
export function dropRetries(dedup: EventDedup, dropped: () => void = () => {}): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    // A claim that cannot be written (store down or read-only) lets the event through: the turn then
    // answers, at worst that nothing was saved, where dropping it would leave the person with silence.
    const claimed = typeof eventId === 'string' ? await dedup.claim(`slack:${eventId}`, eventDedupTtlMs).catch(() => undefined) : undefined;
    if (claimed === false) {
      dropped();
      return;
    }
    if (claimed === undefined) {
      await next();
      return;
    }
    let given = false;
    const release = async () => {
      if (given) return;
      given = true;
      // A release that cannot be written leaves the claim to expire; the person has had an answer either way.
      await dedup.release(`slack:${String(eventId)}`).catch(() => undefined);
    };
    try {
      await heldClaim.run({ release }, next);
    } catch (err) {
      await release();
      throw err;
    }
  };
}

/** Gives back the claim of the Slack event being handled (if any): its turn saved nothing, so a retry of it must be handled. */
export function releaseEventClaim(): Promise<void> {
  return heldClaim.getStore()?.release() ?? Promise.resolve();
}
