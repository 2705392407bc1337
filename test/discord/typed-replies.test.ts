import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alice, callbackOf, settle, slash, startHarness, type Harness } from './bot-harness.ts';
import { snowflake, type FakeUser } from './fake-discord.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ messageContent: true });
});
afterAll(async () => {
  await h?.stop();
});

function say(threadId: string, author: FakeUser, content: string, mentions: FakeUser[] = []): void {
  h.fake.type(threadId, author, content, mentions);
}

const postsIn = (threadId: string) => h.fake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${threadId}/messages`);

describe('typed replies with the MessageContent intent', () => {
  it('asks for GuildMessages and MessageContent only when typed replies are opted in', () => {
    expect(h.fake.identify.intents).toBe(1 | (1 << 9) | (1 << 15));
  });

  it('advances the interview from a message typed in its thread, and ignores bots', async () => {
    const start = slash(h.fake, alice, 'design', { sub: 'start' });
    const created = await h.fake.waitFor((c) => c.path.endsWith('/threads'));
    await h.fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(start.token));
    const threadId = created.response.id as string;
    const before = postsIn(threadId).length;

    say(threadId, { id: '1500000000000000001', username: 'otherbot', bot: true }, 'I am a bot saying hello');
    say(threadId, alice, 'Payments ledger');
    const reply = await h.fake.waitFor((c) => c.method === 'POST' && c.path === `/channels/${threadId}/messages`, 5000, h.fake.calls.indexOf(postsIn(threadId).at(-1)!) + 1);
    await settle(h.fake, 80);
    expect(JSON.stringify(reply.body)).toMatch(/Payments ledger/);
    expect(reply.body.allowed_mentions).toEqual({ parse: [] });
    const key = { platform: 'discord', workspace: h.fake.guilds[0]!.id, channel: h.fake.guilds[0]!.channelId, thread: threadId };
    const session = await h.quorum.stores.designs.getSession(key);
    expect((session?.state as { requirements: { name?: string } }).requirements.name).toBe('Payments ledger');
    expect(postsIn(threadId).length - before).toBeGreaterThan(0);
    expect(h.errors).toEqual([]);
  });

  it('stays silent in a thread with no interview', async () => {
    const thread = h.fake.addThread(h.fake.guilds[0]!);
    await settle(h.fake, 50);
    say(thread.id, alice, 'just chatting here');
    await settle(h.fake, 200);
    expect(postsIn(thread.id)).toHaveLength(0);
  });

  it('answers a message that mentions the bot in a channel, in that channel', async () => {
    const channelId = h.fake.guilds[0]!.channelId;
    say(channelId, alice, `<@${h.fake.bot.id}> what is the outbox pattern?`, [h.fake.bot]);
    const reply = await h.fake.waitFor((c) => c.method === 'POST' && c.path === `/channels/${channelId}/messages`);
    expect(JSON.stringify(reply.body)).toMatch(/Outbox/);
    expect(reply.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('runs /design start inside an existing thread in place, without opening another', async () => {
    const thread = h.fake.addThread(h.fake.guilds[0]!);
    await settle(h.fake, 50);
    const threads = h.fake.calls.filter((c) => c.path.endsWith('/threads')).length;
    const i = slash(h.fake, alice, 'design', { sub: 'start' }, { threadId: thread.id });
    expect((await callbackOf(h.fake, i)).body).toMatchObject({ type: 5 });
    const edit = await h.fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(i.token));
    expect(JSON.stringify(edit.body)).toMatch(/Question 1/);
    expect(h.fake.calls.filter((c) => c.path.endsWith('/threads'))).toHaveLength(threads);
  });
});
