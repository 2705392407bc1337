import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import type { EventDedup } from '../../dialog/ports/event-dedup.ts';
import { eventDedupTtlMs } from './slack-deps.ts';

/**
 * Global middleware: an event whose id was already claimed (Slack redelivers with `X-Slack-Retry-Num`
 * when it thinks an ack was lost) stops here, so no retry produces a second reply. Bolt has acked it already.
 */
export function dropRetries(dedup: EventDedup, dropped: () => void = () => {}): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    // A claim that cannot be written (store down or read-only) lets the event through: the turn then
    // answers, at worst that nothing was saved, where dropping it would leave the person with silence.
    const first = typeof eventId === 'string' ? await dedup.claim(`slack:${eventId}`, eventDedupTtlMs).catch(() => true) : true;
    if (!first) {
      dropped();
      return;
    }
    await next();
  };
}
