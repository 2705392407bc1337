import { once } from 'node:events';
import { Events, MessageFlags, Status, type Client, type Interaction } from 'discord.js';
import type { Door } from '../../dialog/door.ts';
import type { Config } from '../../config.ts';
import { ignoreObserver, type PlatformObserver } from '../../ops/platform-observer.ts';
import { createReplyQueue, type ReplyQueue } from '../../ops/reply-queue.ts';
import { autocompleteChoices, designChoices } from './catalog-choices.ts';
import { entryCommands } from './commands.ts';
import { placeOf, type DiscordDeps, type DiscordLog } from './conversation.ts';
import { LongValues } from './custom-id.ts';
import { createDiscordClient, type ShardSlice } from './discord-client.ts';
import { handleCommand, sorry } from './handle-command.ts';
import { handleComponent, handleModal } from './handle-component.ts';
import { handleMessage } from './handle-message.ts';
import { note } from './send-options.ts';

/** A running Discord bot. */
export interface RunningDiscord {
  name: 'discord';
  /** True while the gateway connection is ready (false while discord.js reconnects). */
  connected(): boolean;
  stop(): Promise<void>;
}

const defaultLog: DiscordLog = (err, context) => console.error('quorum discord: unexpected error', context, err);

async function dispatch(interaction: Interaction, deps: DiscordDeps): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (interaction.commandName === 'design') {
      const place = placeOf(interaction.guildId, interaction.channelId, interaction.channel);
      await interaction.respond(await designChoices(deps.core, place, String(interaction.options.getFocused())));
      return;
    }
    const kind = entryCommands[interaction.commandName as keyof typeof entryCommands];
    await interaction.respond(autocompleteChoices(deps.core, String(interaction.options.getFocused()), kind));
  } else if (interaction.isChatInputCommand()) {
    await handleCommand(interaction, deps);
  } else if (interaction.isButton() || interaction.isStringSelectMenu() || interaction.isUserSelectMenu()) {
    await handleComponent(interaction, deps);
  } else if (interaction.isModalSubmit()) {
    await handleModal(interaction, deps);
  }
}

/** Runs one interaction; a failure is logged and the user told so privately, never left hanging. */
async function safely(interaction: Interaction, deps: DiscordDeps): Promise<void> {
  try {
    await dispatch(interaction, deps);
  } catch (err) {
    deps.log(err, { where: 'discord interaction', type: interaction.type, guild: interaction.guildId, channel: interaction.channelId });
    if (!interaction.isRepliable()) return;
    const reply = { ...note(sorry), flags: MessageFlags.Ephemeral } as const;
    await (interaction.deferred || interaction.replied ? interaction.followUp(reply) : interaction.reply(reply)).catch(() => undefined);
  }
}

/** Runs one piece of work; main.ts counts it, so shutdown waits for replies still going out. */
type Track = <T>(work: () => Promise<T>) => Promise<T>;
const untracked: Track = (work) => work();

/** Wires Quorum's handlers onto a client (separate from login, so a shard process can reuse it). */
export function attachHandlers(client: Client, deps: DiscordDeps, messageContent: boolean, track: Track = untracked): void {
  client.on(Events.InteractionCreate, (interaction) => void track(() => safely(interaction, deps)));
  if (messageContent) {
    client.on(Events.MessageCreate, (message) =>
      void track(() => handleMessage(message, deps)).catch((err: unknown) => deps.log(err, { where: 'discord message', channel: message.channelId })),
    );
  }
  client.on(Events.Error, (err) => deps.log(err, { where: 'discord client' }));
  // The bot was removed from the server (an outage is GuildUnavailable instead): forget its designs and sessions.
  client.on(Events.GuildDelete, (guild) => void deps.core.forgetWorkspace('discord', guild.id));
}

/**
 * Starts the Discord bot: slash commands, autocomplete, components and modals, and (opt-in)
 * typed replies. Resolves once the gateway says the client is ready.
 */
export async function startDiscord(
  quorum: Pick<Door, 'core'>,
  discord: NonNullable<Config['discord']>,
  log: DiscordLog = defaultLog,
  options: {
    shard?: ShardSlice;
    readyTimeoutMs?: number;
    observer?: PlatformObserver;
    /** Runs each interaction's (and message's) whole handling, so shutdown can wait for its replies. */
    track?: Track;
    /** The queue replies go out through (main.ts shares one, which shutdown hurries); by default one of its own. */
    replies?: ReplyQueue;
  } = {},
): Promise<RunningDiscord> {
  const observer = options.observer ?? ignoreObserver;
  // Operations counts each 429 from Discord by scope (discord.js then waits and sends the call again).
  const client = createDiscordClient(discord, options.shard, (scope) => observer.rateLimited('discord', scope));
  const deps: DiscordDeps = {
    core: quorum.core,
    values: new LongValues(),
    log,
    replies: options.replies ?? createReplyQueue({ observer, log }),
  };
  attachHandlers(client, deps, discord.messageContent, options.track);
  const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(options.readyTimeoutMs ?? 60_000) });
  ready.catch(() => undefined); // awaited below; this only keeps a failed login from leaving it unhandled
  try {
    await client.login(discord.token);
    await ready;
  } catch (err) {
    await client.destroy();
    throw err;
  }
  return {
    name: 'discord',
    connected: () => client.ws.status === Status.Ready,
    async stop() {
      await client.destroy();
    },
  };
}
