import { createQuorum, type Quorum } from '../../src/bootstrap.ts';
import { loadConfig } from '../../src/config.ts';
import { startDiscord, type RunningDiscord } from '../../src/adapters/discord/start-discord.ts';
import { FakeDiscord, snowflake, type FakeGuild, type FakeUser, type RecordedCall } from './fake-discord.ts';

/** The real bot (real discord.js, real core, memory store unless told) connected to a fresh fake Discord. */
export interface Harness {
  fake: FakeDiscord;
  quorum: Quorum;
  bot: RunningDiscord;
  errors: unknown[];
  stop(): Promise<void>;
}

export const alice: FakeUser = { id: '1400000000000000001', username: 'alice' };
export const bob: FakeUser = { id: '1400000000000000002', username: 'bob' };

/** Starts the fake and the bot, pointed at it through DISCORD_API_URL; `store` defaults to memory:, `bot` adds to the adapter's options. */
export async function startHarness(options: { guilds?: FakeGuild[]; messageContent?: boolean; store?: string; bot?: Parameters<typeof startDiscord>[3] } = {}): Promise<Harness> {
  const fake = await new FakeDiscord(options.guilds).start();
  const config = loadConfig({
    DISCORD_TOKEN: 'fake-token',
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_MESSAGE_CONTENT: options.messageContent ? 'true' : 'false',
    QUORUM_STORE: options.store ?? 'memory:',
  });
  const errors: unknown[] = [];
  const quorum = await createQuorum(config);
  const bot = await startDiscord(quorum, config.discord!, (err) => errors.push(err), { readyTimeoutMs: 10_000, ...options.bot });
  return {
    fake,
    quorum,
    bot,
    errors,
    async stop() {
      await bot.stop();
      await quorum.close();
      await fake.close();
    },
  };
}

type Where = Parameters<FakeDiscord['base']>[2];

/** Dispatches a slash command: string options, or one subcommand (with string options of its own). */
export function slash(fake: FakeDiscord, user: FakeUser, name: string, options: Record<string, string> | { sub: string; options?: Record<string, string> }, where: Where = {}): any {
  const strings = (o: Record<string, string>) => Object.entries(o).map(([n, value]) => ({ name: n, type: 3, value }));
  const opts = 'sub' in options && typeof options.sub === 'string'
    ? [{ name: options.sub, type: 1, options: strings((options.options ?? {}) as Record<string, string>) }]
    : strings(options as Record<string, string>);
  return fake.interact({ ...fake.base(2, user, where), data: { id: snowflake(), name, type: 1, options: opts } });
}

/** Dispatches an autocomplete request with `typed` in the focused option. */
export function autocomplete(fake: FakeDiscord, user: FakeUser, name: string, option: string, typed: string): any {
  return fake.interact({ ...fake.base(4, user), data: { id: snowflake(), name, type: 1, options: [{ name: option, type: 3, value: typed, focused: true }] } });
}

/** Clicks a button of a message the bot posted. */
export function click(fake: FakeDiscord, user: FakeUser, message: any, customId: string, where: Where = {}): any {
  return fake.interact({ ...fake.base(3, user, where), data: { custom_id: customId, component_type: 2 }, message });
}

/** Picks options of a select menu of a message the bot posted. */
export function choose(fake: FakeDiscord, user: FakeUser, message: any, customId: string, values: string[], where: Where = {}): any {
  return fake.interact({ ...fake.base(3, user, where), data: { custom_id: customId, component_type: 3, values }, message });
}

/** Submits the "Type a value" modal (opened from `message`) with `text`. */
export function submitModal(fake: FakeDiscord, user: FakeUser, message: any, customId: string, text: string, where: Where = {}): any {
  return fake.interact({
    ...fake.base(5, user, where),
    data: { custom_id: customId, components: [{ type: 1, components: [{ type: 4, custom_id: 'answer', value: text }] }] },
    message,
  });
}

/** The interaction callback of a dispatched interaction. */
export function callbackOf(fake: FakeDiscord, interaction: any): Promise<RecordedCall> {
  return fake.waitFor((c) => c.method === 'POST' && c.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
}

/** Every button and select of a message, flattened. */
export function componentsOf(message: any): any[] {
  return (message?.components ?? []).flatMap((row: any) => row.components);
}

/** Waits until the bot has been quiet for `ms` (its follow-ups for the last interaction have all arrived). */
export async function settle(fake: FakeDiscord, ms = 150): Promise<void> {
  let seen = -1;
  while (seen !== fake.calls.length) {
    seen = fake.calls.length;
    await new Promise((r) => setTimeout(r, ms));
  }
}
