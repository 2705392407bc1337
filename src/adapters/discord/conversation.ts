import type { Channel, User } from 'discord.js';
import type { Catalog } from '../../catalog/catalog.ts';
import type { Search } from '../../catalog/search.ts';
import type { Core } from '../../dialog/core.ts';
import type { Turn } from '../../dialog/turn.ts';
import type { DesignStore, ThreadKey } from '../../dialog/ports/design-store.ts';
import type { LongValues } from './custom-id.ts';
import { renderReply, type DiscordMessage } from './render-message.ts';

/** Receives unexpected errors with where they happened; never secrets. */
export type DiscordLog = (err: unknown, context: Record<string, unknown>) => void;

/** What every Discord handler works with: the core door, the catalog for autocomplete, the store for versions. */
export interface DiscordDeps {
  core: Core;
  catalog: Catalog;
  search: Search;
  designs: DesignStore;
  values: LongValues;
  log: DiscordLog;
}

/** Where a conversation happens on Discord: guild (or `dm`), parent channel, and thread. */
export interface Place extends ThreadKey {
  platform: 'discord';
  inThread: boolean;
}

/**
 * The session key of a Discord channel. In a thread: the parent channel and the thread. Outside one,
 * the channel is its own conversation (thread = channel id). Direct messages share the workspace `dm`.
 */
export function placeOf(guildId: string | null, channelId: string, channel: Channel | null): Place {
  const workspace = guildId ?? 'dm';
  if (channel?.isThread()) {
    return { platform: 'discord', workspace, channel: channel.parentId ?? channelId, thread: channel.id, inThread: true };
  }
  return { platform: 'discord', workspace, channel: channelId, thread: channelId, inThread: false };
}

/** A turn said (or clicked) by `user` at `place`. */
export function turnAt(place: Place, user: User, input: { text: string } | { action: NonNullable<Turn['action']> }): Turn {
  const { platform, workspace, channel, thread } = place;
  return { platform, workspace, channel, thread, user: user.id, userName: user.username, ...input };
}

/** The thread's current session version (0: none), which question buttons are drawn for. */
export async function sessionVersion(deps: DiscordDeps, key: ThreadKey): Promise<number> {
  return (await deps.designs.getSession(key))?.version ?? 0;
}

/**
 * Runs one turn through the core and renders its replies, with buttons drawn for the thread's
 * design and session versions as they stand after the turn.
 */
export async function converse(deps: DiscordDeps, turn: Turn): Promise<DiscordMessage[]> {
  const replies = await deps.core.handle(turn);
  const key: ThreadKey = { platform: turn.platform, workspace: turn.workspace, channel: turn.channel, thread: turn.thread };
  const [session, design] = await Promise.all([deps.designs.getSession(key), deps.designs.getDesign(key)]);
  const ctx = { designVersion: design?.versions.at(-1)?.version ?? 0, sessionVersion: session?.version ?? 0, values: deps.values };
  return replies.flatMap((reply) => renderReply(reply, ctx));
}
