import { afterAll, describe, expect, it } from 'vitest';
import { startDiscord, type RunningDiscord } from '../../src/adapters/discord/start-discord.ts';
import { createQuorum, type Quorum } from '../../src/bootstrap.ts';
import { loadConfig } from '../../src/config.ts';
import { emptyPlan } from '../../src/dialog/plan/plan-record.ts';
import { planAt } from '../../src/dialog/plan/plan-view.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';
import { postgresUrl, TestSchemas } from '../store/postgres-database.ts';
import { alice, bob, callbackOf, click, componentsOf, settle, slash } from './bot-harness.ts';
import { FakeDiscord, snowflake, type FakeUser } from './fake-discord.ts';

const tempDir = useTempDirs('quorum-discord-plan-');

/** The real bot and core on `store`, connected to `fake`; stopping it and starting another is a restart. */
async function startBot(fake: FakeDiscord, store: string): Promise<{ quorum: Quorum; bot: RunningDiscord; errors: unknown[]; stop(): Promise<void> }> {
  const config = loadConfig({ DISCORD_TOKEN: 'fake-token', DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, DISCORD_MESSAGE_CONTENT: 'true', QUORUM_STORE: store });
  const errors: unknown[] = [];
  const quorum = await createQuorum(config);
  const bot = await startDiscord(quorum, config.discord!, (err) => errors.push(err), { readyTimeoutMs: 10_000 });
  return { quorum, bot, errors, stop: async () => { await bot.stop(); await quorum.close(); } };
}

function say(fake: FakeDiscord, threadId: string, author: FakeUser, content: string): void {
  const guild = fake.guilds[0]!;
  const mention = content.includes(`<@${fake.bot.id}>`);
  fake.dispatch('MESSAGE_CREATE', {
    id: snowflake(), channel_id: threadId, guild_id: guild.id,
    author: { id: author.id, username: author.username, discriminator: '0', global_name: null, avatar: null, bot: false },
    member: { roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
    content, timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false,
    mentions: mention ? [{ id: fake.bot.id, username: fake.bot.username, discriminator: '0', global_name: null, avatar: null, bot: true }] : [],
    mention_roles: [], attachments: [], embeds: [], components: [], pinned: false, type: 0, flags: 0,
  });
}

/** Polls `check` until it holds (the bot answers asynchronously; Postgres turns take longer than a quiet gap). */
async function until(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const has = (fake: FakeDiscord, test: (component: any) => boolean) => fake.calls.some((c) => componentsOf(c.body).some(test));

/** The newest message body the bot sent (in the thread or as an interaction edit/follow-up) that has a component whose id contains `needle`. */
function sentWith(fake: FakeDiscord, test: (component: any) => boolean): { message: any; component: any } {
  for (const call of [...fake.calls].reverse()) {
    const body = call.body as any;
    const component = componentsOf(body).find(test);
    if (component) return { message: { ...(call.response ?? {}), ...body, id: call.response?.id ?? snowflake() }, component };
  }
  throw new Error('no such component was sent');
}

function cycle(store: () => Promise<string>) {
  return async () => {
    const url = await store();
    const fake = await new FakeDiscord().start();
    let running = await startBot(fake, url);
    try {
      const start = slash(fake, alice, 'design', { sub: 'start' });
      const created = await fake.waitFor((c) => c.method === 'POST' && /\/channels\/\d+\/threads$/.test(c.path));
      const threadId = created.response.id as string;
      await callbackOf(fake, start);
      await settle(fake);
      const where = { threadId };
      const key = { platform: 'discord', workspace: fake.guilds[0]!.id, channel: fake.guilds[0]!.channelId, thread: threadId };
      const sessionVersion = async () => (await running.quorum.stores.designs.getSession(key))?.version ?? 0;
      for (const text of ['set domain financial', 'set writesPerSec 3000', 'set availability 99.999%', 'set exactlyOnce true', 'set publishesEvents true', 'assess']) {
        const seen = await sessionVersion();
        say(fake, threadId, alice, text);
        await until(async () => (await sessionVersion()) > seen, `"${text}" to be handled`);
      }
      await until(async () => (await running.quorum.stores.designs.getDesign(key)) !== undefined, 'the saved design');
      const planOf = async () => {
        const design = await running.quorum.stores.designs.getDesign(key);
        return planAt(design!, design!.plan ?? emptyPlan());
      };
      say(fake, threadId, alice, `<@${fake.bot.id}> plan`);
      await settle(fake, 80);
      const view = await planOf();
      const risk = view.items.find((i) => i.kind === 'risk')!;

      // "Owner…" asks with a user select; picking bob makes him the owner, named but never pinged.
      await until(() => has(fake, (c) => c.label === `Owner… · ${risk.id}`), 'the plan with item controls');
      const ownerButton = sentWith(fake, (c) => c.type === 2 && c.label === `Owner… · ${risk.id}`);
      click(fake, alice, ownerButton.message, ownerButton.component.custom_id, where);
      await until(() => has(fake, (c) => c.type === 5), 'the owner picker');
      const picker = sentWith(fake, (c) => c.type === 5);
      fake.interact({
        ...fake.base(3, alice, where),
        data: { custom_id: picker.component.custom_id, component_type: 5, values: [bob.id], resolved: { users: { [bob.id]: { id: bob.id, username: bob.username, discriminator: '0', global_name: null, avatar: null } } } },
        message: picker.message,
      });
      await until(async () => (await planOf()).items.find((i) => i.id === risk.id)?.owner !== undefined, 'the owner');
      expect((await planOf()).items.find((i) => i.id === risk.id)?.owner).toEqual({ name: `<@${bob.id}>`, user: bob.id });

      // Accept… asks why; the reason typed into the thread completes it. Then done, reopen, done by buttons.
      const accept = sentWith(fake, (c) => c.type === 2 && c.label === `Accept… · ${risk.id}`);
      click(fake, alice, accept.message, accept.component.custom_id, where);
      await until(() => fake.calls.some((c) => JSON.stringify(c.body ?? '').includes('accepted? Reply with the reason')), 'the question why');
      await settle(fake, 80);
      say(fake, threadId, bob, 'the second region is budgeted for Q3 @everyone');
      await until(async () => (await planOf()).items.find((i) => i.id === risk.id)?.status === 'accepted', 'the acceptance');
      await until(() => has(fake, (c) => c.label === `Reopen · ${risk.id}`), 'a reopen button');
      expect((await planOf()).items.find((i) => i.id === risk.id)).toMatchObject({ status: 'accepted', reason: 'the second region is budgeted for Q3 @everyone', changedBy: 'bob' });
      const reopen = sentWith(fake, (c) => c.type === 2 && c.label === `Reopen · ${risk.id}`);
      click(fake, bob, reopen.message, reopen.component.custom_id, where);
      await until(async () => (await planOf()).items.find((i) => i.id === risk.id)?.status === 'open', 'the reopen');
      await until(() => [...fake.calls].reverse().find((c) => componentsOf(c.body).length > 0 && JSON.stringify(c.body).includes(`Done · ${risk.id}`)) !== undefined, 'a done button');
      await settle(fake, 80);
      const done = sentWith(fake, (c) => c.type === 2 && c.label === `Done · ${risk.id}`);
      click(fake, bob, done.message, done.component.custom_id, where);
      await until(async () => (await planOf()).items.find((i) => i.id === risk.id)?.status === 'done', 'the done');

      // Restart; then add, drop, milestone and export csv.
      await running.stop();
      running = await startBot(fake, url);
      // Discord tells a (re)connecting bot about the active threads it is in.
      fake.dispatch('THREAD_CREATE', fake.thread(threadId));
      expect((await planOf()).items.find((i) => i.id === risk.id)).toMatchObject({ status: 'done', owner: { user: bob.id } });
      const versions = async () => (await running.quorum.stores.designs.getDesign(key))?.versions.length ?? 0;
      const before = await versions();
      say(fake, threadId, alice, `<@${fake.bot.id}> add P14`);
      await until(async () => (await versions()) === before + 1, 'the add');
      say(fake, threadId, alice, `<@${fake.bot.id}> drop P14`);
      await until(async () => (await versions()) === before + 2, 'the drop');
      say(fake, threadId, alice, `<@${fake.bot.id}> milestone launch review`);
      await until(async () => ((await running.quorum.stores.designs.getDesign(key))?.plan?.milestones.length ?? 0) === 1, 'the milestone');
      say(fake, threadId, alice, `<@${fake.bot.id}> export csv`);
      await until(() => fake.calls.some((c) => c.files?.some((f) => f.name?.endsWith('-plan.csv'))), 'the csv');
      const design = await running.quorum.stores.designs.getDesign(key);
      expect(design?.versions.map((v) => v.cause).slice(-2)).toEqual(['add P14 by alice', 'drop P14 by alice']);
      expect(design?.plan?.milestones.map((m) => m.name)).toEqual(['launch review']);
      const upload = [...fake.calls].reverse().find((c) => c.files?.some((f) => f.name?.endsWith('-plan.csv')));
      expect(upload).toBeDefined();
      for (const call of fake.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages'))) {
        expect((call.body as any).allowed_mentions).toEqual({ parse: [] });
      }
      expect(running.errors).toEqual([]);
    } finally {
      await running.stop();
      await fake.close();
    }
  };
}

describe('the plan on Discord (real discord.js against the fake Discord)', () => {
  it('runs the whole cycle with buttons and the user select on the file store, across a restart', cycle(async () => `file:${await tempDir()}`), 120_000);
  if (postgresUrl) {
    const schemas = new TestSchemas(postgresUrl);
    afterAll(() => schemas.dropAll());
    it('runs the same on Postgres', cycle(() => schemas.create()), 120_000);
  }
});
