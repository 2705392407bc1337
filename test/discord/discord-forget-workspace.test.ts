import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadKey } from '../../src/dialog/ports/design-store.ts';
import { sampleVersion } from '../store/sample-version.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';
import { alice, bob, callbackOf, click, componentsOf, slash, startHarness, type Harness } from './bot-harness.ts';

const tempDir = useTempDirs('quorum-forget-discord-');
const guildA = { id: '1100000000000000011', channelId: '1100000000000000111' };
const guildB = { id: '1100000000000000012', channelId: '1100000000000000112' };
const guildC = { id: '1100000000000000013', channelId: '1100000000000000113' };
const design = (guild: { id: string; channelId: string }, thread: string): ThreadKey => ({ platform: 'discord', workspace: guild.id, channel: guild.channelId, thread });

describe('forget-workspace on Discord (real discord.js, file store, loopback fake)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ guilds: [guildA, guildB, guildC], store: `file:${await tempDir()}` });
    for (const [guild, thread] of [[guildA, 't1'], [guildA, 't2'], [guildB, 't3'], [guildC, 't4']] as const) {
      await h.quorum.stores.designs.saveVersion(design(guild, thread), 0, sampleVersion('U1'), `Design ${thread}`);
    }
  });
  afterAll(() => h?.stop());

  // A command's answer edits its deferred reply; a click's comes as a follow-up of its interaction.
  const edited = (token: string) => h.fake.waitFor((c) => (c.method === 'PATCH' || c.method === 'POST') && c.path.startsWith('/webhooks/') && c.path.includes(token));

  it('/design forget-workspace: refused without Manage Server, asked privately, deleted on the asker’s click only', async () => {
    const member = slash(h.fake, bob, 'design', { sub: 'forget-workspace' }, { guild: guildA, memberPermissions: 1n << 10n });
    expect((await callbackOf(h.fake, member)).body.data?.flags).toBe(64);
    expect(JSON.stringify((await edited(member.token)).body)).toMatch(/Only an admin of this workspace/);

    const asked = slash(h.fake, alice, 'design', { sub: 'forget-workspace' }, { guild: guildA });
    expect((await callbackOf(h.fake, asked)).body.data?.flags).toBe(64);
    const question = await edited(asked.token);
    expect(JSON.stringify(question.body)).toMatch(/deletes 2 designs and the conversations of 2 threads/);
    const yes = componentsOf(question.response).find((c) => /^Yes, forget/.test(c.label))!;

    // Bob (who may manage the server too) clicks Alice's button: it acts on his own context, so nothing goes.
    const foreign = click(h.fake, bob, question.response, yes.custom_id, { guild: guildA });
    expect(JSON.stringify((await edited(foreign.token)).body)).toMatch(/nothing was deleted/i);
    expect(await h.quorum.stores.designs.getDesign(design(guildA, 't1'))).toBeDefined();

    const confirmed = click(h.fake, alice, question.response, yes.custom_id, { guild: guildA });
    expect(JSON.stringify((await edited(confirmed.token)).body)).toMatch(/Forgot this workspace: deleted 2 designs/);
    expect(await h.quorum.stores.designs.workspaceContents('discord', guildA.id)).toEqual({ designs: 0, threads: 0 });
    expect((await h.quorum.stores.designs.getDesign(design(guildB, 't3')))?.title).toBe('Design t3');
  });

  it('forgets a server’s designs when the bot is removed from it (guildDelete), and no other server’s', async () => {
    h.fake.dispatch('GUILD_DELETE', { id: guildB.id });
    for (let n = 0; n < 400 && (await h.quorum.stores.designs.getDesign(design(guildB, 't3'))); n++) await new Promise((r) => setTimeout(r, 25));
    expect(await h.quorum.stores.designs.getDesign(design(guildB, 't3'))).toBeUndefined();
    // An outage (unavailable) is not a removal: once a later removal (of guild A) is handled, C's design is still there.
    await h.quorum.stores.designs.saveVersion(design(guildA, 't5'), 0, sampleVersion('U1'), 'Design t5');
    h.fake.dispatch('GUILD_DELETE', { id: guildC.id, unavailable: true });
    h.fake.dispatch('GUILD_DELETE', { id: guildA.id });
    for (let n = 0; n < 400 && (await h.quorum.stores.designs.getDesign(design(guildA, 't5'))); n++) await new Promise((r) => setTimeout(r, 25));
    expect(await h.quorum.stores.designs.getDesign(design(guildA, 't5'))).toBeUndefined();
    expect((await h.quorum.stores.designs.getDesign(design(guildC, 't4')))?.title).toBe('Design t4');
  });
});
