import { Client, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import type { Config } from '../../config.ts';

/**
 * The seam for sharding (issue 9): a sharding manager passes which shards this process runs;
 * without it discord.js runs the single shard.
 */
export interface ShardSlice {
  shards: number | number[];
  shardCount: number;
}

/**
 * The intents Quorum needs: Guilds for slash commands, components and threads (no privileged
 * intent); GuildMessages and the privileged MessageContent only when typed replies are opted in.
 */
export function discordIntents(messageContent: boolean): GatewayIntentBits[] {
  return [GatewayIntentBits.Guilds, ...(messageContent ? [GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent] : [])];
}

/** A discord.js client for the config; the REST base is overridden only when DISCORD_API_URL is set. */
export function createDiscordClient(config: NonNullable<Config['discord']>, shard?: ShardSlice): Client {
  const options: ClientOptions = {
    intents: discordIntents(config.messageContent),
    // Threads and DM channels not yet in the cache still resolve for interactions.
    partials: [Partials.Channel],
    ...(config.apiUrl && { rest: { api: config.apiUrl } }),
    ...(shard && { shards: shard.shards, shardCount: shard.shardCount }),
  };
  return new Client(options);
}
