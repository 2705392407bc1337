import { PermissionFlagsBits, type Channel, type PermissionsBitField, type User } from 'discord.js';
import type { Core } from '../../dialog/door.ts';
import type { ReplyQueue } from '../../ops/reply-queue.ts';
import type { Turn } from '../../dialog/turn.ts';
import type { TurnResult } from '../../dialog/turn-result.ts';
import type { LongValues } from './custom-id.ts';
import { renderReply, type DiscordMessage } from './render-message.ts';

/** Receives unexpected errors with where they happened; never secrets. */
export type DiscordLog = (err: unknown, context: Record<string, unknown>) => void;

/** What every Discord handler works with: the core door, long button values, the log, the queue replies go out through. */
export interface DiscordDeps {
  core: Core;
  values: LongValues;
  log: DiscordLog;
  replies: ReplyQueue;
}

/** Where a conversation happens on Discord: guild (or `dm`), parent channel, and thread. */
export interface Place {
  platform: 'discord';
  workspace: string;
  channel: string;
  thread: string;
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

/** A member's permissions in the guild, as an interaction or a message carries them. */
export type MemberPermissions = Readonly<PermissionsBitField> | null | undefined;

/**
 * A turn said (or clicked) by `user` at `place`. `permissions` are the member's in the guild: Manage
 * Server makes them an admin of the workspace (who may make Quorum forget it).
 */
export function turnAt(
  place: Place,
  user: User,
  input: ({ text: string } | { action: NonNullable<Turn['action']> }) & { via: NonNullable<Turn['via']> },
  permissions?: MemberPermissions,
): Turn {
  const { platform, workspace, channel, thread } = place;
  const admin = permissions?.has(PermissionFlagsBits.ManageGuild) === true;
  return { platform, workspace, channel, thread, user: user.id, userName: user.username, ...input, ...(admin && { admin }) };
}

/** The rendered messages of one turn, and what the core said to do with them. */
export interface Conversed {
  messages: DiscordMessage[];
  result: TurnResult;
}

/** Runs one turn through the core and renders its replies; the buttons carry what the core drew them for. */
export async function converse(deps: DiscordDeps, turn: Turn): Promise<Conversed> {
  const result = await deps.core.handle(turn);
  const messages = result.replies.flatMap((reply) => renderReply(reply, { values: deps.values }));
  return { messages, result };
}
