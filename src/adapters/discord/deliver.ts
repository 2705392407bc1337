import { randomUUID } from 'node:crypto';
import type { BaseMessageOptions, MessageCreateOptions } from 'discord.js';
import type { Delivered, SendStep } from '../../ops/reply-queue.ts';
import type { DiscordDeps } from './conversation.ts';
import { judgeDiscordFailure } from './discord-errors.ts';

/** An edit (of a deferred reply, or of the original): editing twice shows once, so it is always safe to try again. */
export function editStep(edit: () => Promise<unknown>): SendStep {
  return { retryUncertain: true, send: async () => void (await edit()) };
}

/**
 * A message sent into a channel or thread. It carries a nonce Discord enforces: a second try of a
 * send that did land returns the first message instead of posting again.
 */
export function channelStep(send: (options: MessageCreateOptions) => Promise<unknown>, options: BaseMessageOptions): SendStep {
  // Discord takes a nonce of at most 25 characters.
  const nonce = randomUUID().replace(/-/g, '').slice(0, 25);
  return { retryUncertain: true, send: async () => void (await send({ ...options, nonce, enforceNonce: true })) };
}

/**
 * An interaction follow-up (a webhook message, which takes no nonce). A private one is tried again
 * even when it may have landed: at worst its one reader sees it twice. A public one is not.
 */
export function followUpStep(send: () => Promise<unknown>, privately: boolean): SendStep {
  return { retryUncertain: privately, send: async () => void (await send()) };
}

/** Sends `steps` in order through the reply queue, behind the channel's earlier replies. */
export function deliver(deps: DiscordDeps, channel: string, steps: SendStep[], context: Record<string, unknown>): Promise<Delivered> {
  return deps.replies.deliver({ platform: 'discord', key: channel, steps, judge: judgeDiscordFailure, context: { ...context, channel } });
}

/** What a person is told when a reply could not be posted after every retry (or may not have been). */
export function givenUpNote(failed: NonNullable<Delivered['failed']>): string {
  return failed.reason === 'uncertain'
    ? 'Discord may not have shown all of my answer. Your design is saved; if something is missing, ask me again.'
    : "I couldn't post my full answer: Discord kept failing for a while. Your design is saved; ask me again in a moment.";
}
