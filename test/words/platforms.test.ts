import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore } from '../helpers/dialog-harness.ts';
import { said } from '../helpers/turns.ts';
import { shownText } from '../slack/block-limits.ts';
import { postsIn, startHarness as startSlack, type SlackHarness } from '../slack/slack-harness.ts';
import { alice, settle, startHarness as startDiscord, type Harness } from '../discord/bot-harness.ts';
import { snowflake } from '../discord/fake-discord.ts';
import { formatScore, loadDescriptions, score } from './accuracy.ts';

// The same table of descriptions through every path a team uses: chat --json (the terminal), Slack
// and Discord. chat --json is scored field by field; Slack and Discord must show the same "I read" line.

const root = join(import.meta.dirname, '..', '..');
const table = loadDescriptions();
const storeDir = mkdtempSync(join(tmpdir(), 'quorum-words-'));
afterAll(() => rmSync(storeDir, { recursive: true, force: true }));

interface Line { turn: number; replies: Array<{ text: string; requirements?: Record<string, unknown>; assessment?: unknown }> }

/** `assess <description>` for every row, in one chat --json run: what each turn read, and its "I read" line. */
function throughChat(): Array<{ requirements: Record<string, unknown>; readLine: string }> {
  const run = spawnSync('node', ['--import', 'tsx', 'src/cli.ts', 'chat', '--json', '--thread', 'words-table'], {
    cwd: root,
    input: table.map((row) => `assess ${row.text}`).join('\n') + '\n',
    encoding: 'utf8',
    env: { ...process.env, QUORUM_STORE: `file:${storeDir}` },
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  expect(run.status, run.stderr).toBe(0);
  const lines = run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);
  expect(lines).toHaveLength(table.length);
  return lines.map((line) => {
    const first = line.replies[0]!;
    return { requirements: first.requirements ?? {}, readLine: first.text.split('\n')[0]! };
  });
}

/** The "I read" line without the name it ends with when a new design is named (a Slack or Discord thread is new; the chat run's one thread is not). */
const readItems = (line: string): string => line.replace(/, for ".*"\.$|\.$/, '');
const unescape = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/[*_`]/g, '');

describe('the descriptions table on every platform', () => {
  let chat: ReturnType<typeof throughChat>;
  beforeAll(() => {
    chat = throughChat();
  }, 150_000);

  it('reads at least 95 % of the fields through chat --json, with no yes/no flipped', () => {
    const byText = new Map(table.map((row, i) => [row.text, chat[i]!.requirements]));
    const result = score(table, (text) => byText.get(text) ?? {});
    expect(result.right / result.total, formatScore(result)).toBeGreaterThanOrEqual(0.95);
    expect(result.flippedNegations).toBe(0);
    for (const line of chat) expect(line.readLine).toMatch(/^I read: /);
  });

  it('shows the same "I read" line on Slack for a mention of every description', async () => {
    const h: SlackHarness = await startSlack();
    try {
      const origin = { team: 'T-words', channel: 'C-words' };
      for (const [i, row] of table.entries()) {
        const ts = `17000${String(10_000 + i)}.000001`;
        const since = h.fake.calls.length;
        await h.event(origin, { type: 'app_mention', user: 'U1', text: `<@UBOT> assess ${row.text}`, ts, channel: origin.channel });
        await h.settle(since);
        const shown = postsIn(h.fake, origin.channel, ts).map((p) => unescape(shownText(p.params.blocks ?? p.params.text))).join('\n');
        expect(shown, row.text).toContain(unescape(readItems(chat[i]!.readLine)));
      }
      expect(h.logs).toEqual([]);
    } finally {
      await h.close();
    }
  }, 240_000);

  it('shows the same "I read" line on Discord for a mention of every description', async () => {
    const h: Harness = await startDiscord({ messageContent: true });
    try {
      const guild = h.fake.guilds[0]!;
      const channel = guild.channelId;
      const bot = h.fake.bot;
      for (const [i, row] of table.entries()) {
        const from = h.fake.calls.length;
        h.fake.dispatch('MESSAGE_CREATE', {
          id: snowflake(), channel_id: channel, guild_id: guild.id,
          author: { id: alice.id, username: alice.username, discriminator: '0', global_name: null, avatar: null, bot: false },
          member: { roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
          content: `<@${bot.id}> assess ${row.text}`, timestamp: new Date().toISOString(), edited_timestamp: null, tts: false,
          mention_everyone: false, mentions: [{ id: bot.id, username: bot.username, discriminator: '0', global_name: null, avatar: null, bot: true }],
          mention_roles: [], attachments: [], embeds: [], components: [], pinned: false, type: 0, flags: 0,
        });
        const read = await h.fake.waitFor((c) => c.method === 'POST' && c.path === `/channels/${channel}/messages` && JSON.stringify(c.body).includes('I read'), 10_000, from);
        expect(JSON.stringify(read.body), row.text).toContain(JSON.stringify(readItems(chat[i]!.readLine)).slice(1, -1));
        await settle(h.fake, 40);
      }
      expect(h.errors).toEqual([]);
    } finally {
      await h.stop();
    }
  }, 240_000);

  it('asks at most 5 questions before the first card, in the median, when a description is the first answer', async () => {
    const { core } = await makeCore();
    const asked: number[] = [];
    for (const [i, row] of table.entries()) {
      const where = { thread: `first-answer-${i}` };
      await core.handle(said('design', 'u1', where));
      let { replies } = await core.handle(said(row.text, 'u1', where));
      let questions = 0;
      while (!replies.some((r) => r.assessment) && questions < 25) {
        questions++;
        ({ replies } = await core.handle(said('skip', 'u1', where)));
      }
      asked.push(questions);
    }
    const sorted = [...asked].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    expect(median).toBeLessThanOrEqual(5);
    expect(Math.max(...asked)).toBeLessThanOrEqual(5);
  }, 240_000);
});
