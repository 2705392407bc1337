import { Client, DefaultRestOptions, GatewayIntentBits, Partials, type ClientOptions, type RESTOptions } from 'discord.js';
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

/**
 * The REST client's HTTP call (discord.js's own), telling `onRateLimited` of each 429 Discord answers with the
 * limit's scope: `global`, or the X-RateLimit-Scope (user, shared). Every handler's calls pass here, interaction
 * callbacks included, whose handler waits out a 429 without emitting discord.js's RateLimited event.
 */
function observedRequest(onRateLimited: (scope: string) => void): RESTOptions['makeRequest'] {
  const makeRequest = DefaultRestOptions.makeRequest;
  return async (url, init) => {
    const response = await makeRequest(url, init);
    if (response.status === 429) onRateLimited(response.headers.get('x-ratelimit-global') ? 'global' : (response.headers.get('x-ratelimit-scope') ?? 'user'));
    return response;
  };
}

/**
 * A discord.js client for the config; the REST base is overridden only when DISCORD_API_URL is set. With
 * `onRateLimited`, every 429 from Discord's REST API is reported.
 */
export function createDiscordClient(config: NonNullable<Config['discord']>, shard?: ShardSlice, onRateLimited?: (scope: string) => void): Client {
  const options: ClientOptions = {
    intents: discordIntents(config.messageContent),
    // Threads and DM channels not yet in the cache still resolve for interactions.
    partials: [Partials.Channel],
    rest: { ...(config.apiUrl && { api: config.apiUrl }), ...(onRateLimited && { makeRequest: observedRequest(onRateLimited) }) },
    ...(shard && { shards: shard.shards, shardCount: shard.shardCount }),
  };
  return new Client(options);
}
