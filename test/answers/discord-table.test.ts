import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseComponentId } from '../../src/adapters/discord/custom-id.ts';
import { componentsOf, startHarness, type Harness } from '../discord/bot-harness.ts';
import { snowflake } from '../discord/fake-discord.ts';
import { runQuestionTable } from '../helpers/question-table-runner.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ messageContent: true });
});
afterAll(async () => {
  await h?.stop();
});

/** A member's message in a channel that mentions the bot, as the gateway delivers it. */
function mention(channelId: string, content: string): void {
  const guild = h.fake.guilds[0]!;
  const author = { id: '1400000000000000001', username: 'alice', discriminator: '0', global_name: null, avatar: null, bot: false };
  const bot = { id: h.fake.bot.id, username: h.fake.bot.username, discriminator: '0', global_name: null, avatar: null, bot: true };
  h.fake.dispatch('MESSAGE_CREATE', {
    id: snowflake(), channel_id: channelId, guild_id: guild.id, author,
    member: { roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
    content: `<@${bot.id}> ${content}`, timestamp: new Date().toISOString(), edited_timestamp: null, tts: false,
    mention_everyone: false, mentions: [bot], mention_roles: [], attachments: [], embeds: [], components: [], pinned: false, type: 0, flags: 0,
  });
}

describe('the team-question table asked by mentioning Quorum in a Discord channel', () => {
  it('answers each question first, with the entries as buttons, through the real discord.js client', async () => {
    const channelId = h.fake.guilds[0]!.channelId;
    const isPost = (c: { method: string; path: string }) => c.method === 'POST' && c.path === `/channels/${channelId}/messages`;
    await runQuestionTable(async (question) => {
      const from = h.fake.calls.length;
      mention(channelId, question);
      const post = await h.fake.waitFor(isPost, 5000, from);
      const body = post.body as { content?: string; embeds?: Array<{ description?: string }> };
      const choices = componentsOf(body).flatMap((c: { custom_id?: string; label?: string }) => {
        const id = c.custom_id ? parseComponentId(c.custom_id) : undefined;
        return id?.type === 'choice' ? [{ label: c.label ?? '', value: id.payload }] : [];
      });
      return { text: body.embeds?.[0]?.description ?? body.content ?? '', choices };
    });
    expect(h.errors).toEqual([]);
  }, 120_000); // the whole table, one question after another: minutes on a loaded machine, seconds on a quiet one
});
