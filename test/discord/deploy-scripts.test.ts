import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../src/adapters/discord/commands.ts';
import { deployCommands } from '../../src/adapters/discord/deploy-commands.ts';
import { invitePermissions } from '../../src/adapters/discord/invite-url.ts';
import { FakeDiscord } from './fake-discord.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const guildId = '1100000000000000001';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await new FakeDiscord().start();
});
afterAll(async () => {
  await fake?.close();
});

/**
 * Runs a Discord script as `npm run discord:…` does: `src/<name>.ts` under tsx, or with QUORUM_TEST_MAIN set
 * (CI's image steps, against a production build) the built `<name>.js` beside that dist/main.js.
 */
function script(name: string, env: Record<string, string>) {
  const built = process.env.QUORUM_TEST_MAIN;
  const args = built ? [join(dirname(built), name.replace(/\.ts$/, '.js'))] : ['--import', 'tsx', join('src', name)];
  // A clean environment, so a developer's own .env or tokens cannot leak into the test.
  return run(process.execPath, args, { cwd: root, env: { PATH: process.env.PATH ?? '', ...env } });
}

describe('npm run discord:deploy', () => {
  const env = () => ({ DISCORD_TOKEN: 'fake-token', DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl });

  it('registers every command to one guild by bulk overwrite, and a second run changes nothing', async () => {
    const first = await script('discord-deploy.ts', { ...env(), DISCORD_GUILD_ID: guildId });
    const afterFirst = structuredClone(fake.commands.get(guildId));
    await script('discord-deploy.ts', { ...env(), DISCORD_GUILD_ID: guildId });
    const puts = fake.calls.filter((c) => c.method === 'PUT');
    expect(puts.map((c) => c.path)).toEqual([
      `/applications/${fake.applicationId}/guilds/${guildId}/commands`,
      `/applications/${fake.applicationId}/guilds/${guildId}/commands`,
    ]);
    expect(puts[1]!.body).toEqual(puts[0]!.body);
    expect(fake.commands.get(guildId)).toEqual(afterFirst);
    expect(afterFirst!.map((c: { name: string }) => c.name)).toEqual(['lookup', 'law', 'pattern', 'primitive', 'capability', 'design']);
    expect(first.stdout).toMatch(/Registered 6 commands for guild/);
  });

  it('registers globally when no guild is given', async () => {
    const result = await deployCommands({ token: 'fake-token', applicationId: fake.applicationId, apiUrl: fake.apiUrl, messageContent: false });
    expect(result).toMatchObject({ scope: 'global' });
    expect(fake.commands.get('global')?.length).toBe(6);
  });

  it('declares autocomplete on every name option and the /design subcommands', () => {
    const defs = commandDefinitions() as Array<{ name: string; options?: Array<{ name: string; autocomplete?: boolean; type: number }> }>;
    for (const def of defs.filter((d) => d.name !== 'design')) expect(def.options?.[0]?.autocomplete).toBe(true);
    const design = defs.find((d) => d.name === 'design')!;
    expect(design.options?.map((o) => o.name)).toEqual(['start', 'show', 'list', 'open', 'history', 'export', 'assess', 'diagram', 'forget-workspace']);
  });
});

describe('npm run discord:invite', () => {
  it('prints an invite URL with exactly the bot and applications.commands scopes and the needed permissions', async () => {
    const { stdout } = await script('discord-invite.ts', { DISCORD_APPLICATION_ID: '1200000000000000001' });
    const url = new URL(stdout.trim());
    expect([url.protocol, url.host, url.pathname]).toEqual(['https:', 'discord.com', '/oauth2/authorize']);
    expect(url.searchParams.get('client_id')).toBe('1200000000000000001');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    const p = PermissionFlagsBits;
    const needed = p.ViewChannel | p.SendMessages | p.SendMessagesInThreads | p.CreatePublicThreads | p.EmbedLinks | p.AttachFiles | p.ReadMessageHistory;
    expect(url.searchParams.get('permissions')).toBe(needed.toString());
  });

  it('asks for no permission beyond the seven it uses', () => {
    expect(new PermissionsBitField(invitePermissions).toArray().sort()).toEqual(
      ['AttachFiles', 'CreatePublicThreads', 'EmbedLinks', 'ReadMessageHistory', 'SendMessages', 'SendMessagesInThreads', 'ViewChannel'],
    );
  });
});
