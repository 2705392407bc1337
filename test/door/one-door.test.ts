import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBlockContext, decodeButtonValue } from '../../src/adapters/slack/action-value.ts';
import { startTerminal } from '../../src/adapters/terminal/start-terminal.ts';
import { legacyChannelFilePath } from '../../src/store/file/store-paths.ts';
import { startHarness as startDiscordHarness, alice, type Harness as DiscordHarness } from '../discord/bot-harness.ts';
import { snowflake } from '../discord/fake-discord.ts';
import { makeCore } from '../helpers/dialog-harness.ts';
import { until } from '../helpers/until.ts';
import { shownText } from '../slack/block-limits.ts';
import type { RecordedCall } from '../slack/fake-slack.ts';
import { controlsOf, postsIn, startHarness, type SlackHarness } from '../slack/slack-harness.ts';

// The "Done when" of issue 12 through the real SDKs on the loopback fakes (and the real terminal adapter):
// the same `assess <words>` everywhere, a stale click refused alike, a shared private answer acting on the
// clicker's own context, and a corrupt store that never shows a path to a chat user.

const words = 'payments ledger, financial, 20k writes/s, four nines, p99 reads under 50ms';

/** The first real answer of a question (its controls carry the session version they answer): a select's first option, or a button that is not skip or back. */
function firstAnswer(post: RecordedCall): Record<string, unknown> | undefined {
  const controls = controlsOf(post);
  const select = controls.find((c) => c.type === 'static_select' && decodeBlockContext(c.block_id)?.drawnFor?.session !== undefined);
  if (select) {
    const option = select.options![0]!;
    return { type: 'static_select', action_id: select.action_id, block_id: select.block_id, selected_option: { text: option.text, value: option.value } };
  }
  const button = controls.find((c) => {
    const decoded = c.type === 'button' ? decodeButtonValue(c.value) : undefined;
    return decoded?.drawnFor?.session !== undefined && !['skip', 'back'].includes(decoded.value);
  });
  return button && { type: 'button', action_id: button.action_id, block_id: 'b1', value: button.value };
}

function responsesTo(h: SlackHarness, responseId: string): RecordedCall[] {
  return h.fake.callsTo('response_url').filter((c) => c.params.responseId === responseId);
}

describe('assess <words> is one core command, with the same result on every platform', () => {
  let slack: SlackHarness;
  let discord: DiscordHarness;
  beforeAll(async () => {
    [slack, discord] = await Promise.all([startHarness(), startDiscordHarness()]);
  });
  afterAll(async () => {
    await Promise.all([slack.close(), discord.stop()]);
  });

  it('saves the same requirements and the same design from the terminal, Slack and Discord', async () => {
    // Terminal: the real terminal adapter, one JSON line per turn.
    const { core, store } = await makeCore();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => (printed += String(chunk)));
    await startTerminal(core, { input: Readable.from([`assess ${words}\n`]), output, thread: 't-words', user: 'u', json: true, interactive: false });
    const line = JSON.parse(printed.trim().split('\n')[0]!) as { replies: Array<{ text: string }> };
    expect(line.replies[0]!.text).toMatch(/^I read:.*financial/);
    const terminal = (await store.getDesign({ platform: 'terminal', workspace: 'local', channel: 'terminal', thread: 't-words' }))!.versions[0]!;

    // Slack: /quorum assess opens a thread and the core reads the words there.
    await slack.command({ team: 'T-w', channel: 'C-w', user: 'U1' }, `assess ${words}`);
    const slackDesign = await until(async () => {
      const [summary] = await slack.quorum.stores.designs.listDesigns({ platform: 'slack', workspace: 'T-w', channel: 'C-w' });
      return summary && (await slack.quorum.stores.designs.getDesign(summary.key));
    }, 'the Slack design');
    await until(() => postsIn(slack.fake, 'C-w', slackDesign.key.thread).find((p) => shownText(p.params.blocks).includes('I read:')), 'the Slack reading');

    // Discord: /design assess requirements:<words>.
    const guild = discord.fake.guilds[0]!;
    discord.fake.interact({
      ...discord.fake.base(2, alice),
      data: { id: snowflake(), name: 'design', type: 1, options: [{ name: 'assess', type: 1, options: [{ name: 'requirements', type: 3, value: words }] }] },
    });
    const discordDesign = await until(async () => {
      const [summary] = await discord.quorum.stores.designs.listDesigns({ platform: 'discord', workspace: guild.id, channel: guild.channelId });
      return summary && (await discord.quorum.stores.designs.getDesign(summary.key));
    }, 'the Discord design');

    for (const saved of [slackDesign.versions[0]!, discordDesign.versions[0]!]) {
      expect(saved.requirements).toEqual(terminal.requirements);
      const ids = (v: typeof saved) => [...v.assessment.primitives, ...v.assessment.patterns].map((i) => i.id).sort();
      expect(ids(saved)).toEqual(ids(terminal));
    }
    expect(terminal.requirements).toMatchObject({ domain: 'financial', writesPerSec: 20000, availability: 0.9999, readLatencyMs: 50 });
  });
});

describe('clicks on Slack: the core decides', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('refuses a click on a button of an earlier question politely, and changes nothing', async () => {
    const where = { team: 'T-stale', channel: 'C-stale', user: 'U1' };
    const thread = '1700000900.000001';
    const key = { platform: 'slack', workspace: where.team, channel: where.channel, thread };
    const message = (text: string, n: number) =>
      h.event(where, { type: 'message', channel: where.channel, channel_type: 'channel', user: 'U1', text, thread_ts: thread, ts: `1700000900.00010${n}` });
    await h.event(where, { type: 'app_mention', user: 'U1', text: '<@UBOT> design', ts: thread, channel: where.channel });
    await until(() => (postsIn(h.fake, where.channel, thread).length >= 1 ? true : undefined), 'the first question');
    const before = postsIn(h.fake, where.channel, thread).length;
    await message('Payments ledger', 1);
    const second = await until(() => postsIn(h.fake, where.channel, thread).slice(before).find((p) => firstAnswer(p) !== undefined), 'a question with choices');
    const old = firstAnswer(second)!;
    const asked = await h.quorum.stores.designs.getSession(key);
    await message('financial', 2);
    const moved = await until(async () => {
      const s = await h.quorum.stores.designs.getSession(key);
      return s && s.version > (asked?.version ?? 0) ? s : undefined;
    }, 'the typed answer');

    const click = await h.click(where, old, { messageTs: '1700000900.000200', threadTs: thread });
    const [note] = await until(() => (responsesTo(h, click.responseId).length > 0 ? responsesTo(h, click.responseId) : undefined), 'the refusal');
    expect(note!.params.response_type).toBe('ephemeral');
    expect(shownText(note!.params.blocks)).toMatch(/earlier question/);
    const after = await h.quorum.stores.designs.getSession(key);
    expect(after?.version).toBe(moved.version);
    expect(after?.state).toEqual(moved.state);
  });

  it('acts on the clicker’s own context when someone clicks a button of a private answer another person shared', async () => {
    const u1 = { team: 'T-share', channel: 'C-share', user: 'U1' };
    const u2 = { ...u1, user: 'U2' };
    const privately = async (text: string) => {
      const since = h.fake.calls.length;
      const sent = await h.command(u1, text);
      await h.settle(since);
      return responsesTo(h, sent.responseId).at(-1)!;
    };
    await privately('set writesPerSec 20k');
    await privately('assess');
    const shown = await privately('show');
    const share = controlsOf(shown).find((c) => c.action_id === 'quorum_share')!;
    const posts = h.fake.callsTo('chat.postMessage').length;
    await h.click(u1, { type: 'button', action_id: 'quorum_share', block_id: 'b', value: share.value }, { messageTs: '1.5', ephemeral: true });
    const shared = await until(() => postsIn(h.fake, u1.channel).slice(posts - h.fake.callsTo('chat.postMessage').length).find((p) => controlsOf(p).some((c) => decodeButtonValue(c.value)?.value === 'export')), 'the shared card');
    const exportButton = controlsOf(shared).find((c) => decodeButtonValue(c.value)?.value === 'export')!;

    const uploads = h.fake.callsTo('files.uploadV2').length + h.fake.callsTo('files.completeUploadExternal').length;
    const click = await h.click(u2, { type: 'button', action_id: exportButton.action_id, block_id: 'b', value: exportButton.value }, { messageTs: '1.6' });
    const [answer] = await until(() => (responsesTo(h, click.responseId).length > 0 ? responsesTo(h, click.responseId) : undefined), 'U2’s answer');
    expect(answer!.params.response_type).toBe('ephemeral');
    expect(shownText(answer!.params.blocks)).toMatch(/no saved design/);
    expect(h.fake.callsTo('files.uploadV2').length + h.fake.callsTo('files.completeUploadExternal').length).toBe(uploads);
  });
});

describe('a corrupt store, seen from Slack', () => {
  let h: SlackHarness;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quorum-door-'));
    const file = legacyChannelFilePath(dir, { platform: 'slack', workspace: 'T-bad', channel: 'C-bad' });
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '{"schemaVersion": 1, "designs": [');
    h = await startHarness({ store: `file:${dir}` });
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never shows a path to the person, logs the fault with its path, and still answers lookups', async () => {
    const where = { team: 'T-bad', channel: 'C-bad', user: 'U1' };
    await h.event(where, { type: 'app_mention', user: 'U1', text: '<@UBOT> design', ts: '1700000950.000001', channel: where.channel });
    const [calm] = await until(() => (postsIn(h.fake, where.channel, '1700000950.000001').length > 0 ? postsIn(h.fake, where.channel, '1700000950.000001') : undefined), 'the calm note');
    const text = shownText(calm!.params.blocks) + String(calm!.params.text);
    expect(text).toMatch(/can't read saved designs right now; nothing was lost/);
    expect(text).not.toContain(dir);
    expect(text).not.toMatch(/\.json|move it aside/);
    const logged = h.logs.find((l) => l.err instanceof Error && l.err.message.includes(dir));
    expect(logged?.context).toMatchObject({ fault: 'store_corrupt', channel: 'C-bad' });
    expect((logged?.err as Error).stack).toBeTruthy();

    await h.event(where, { type: 'app_mention', user: 'U1', text: '<@UBOT> what is CAP?', ts: '1700000950.000002', channel: where.channel });
    const [answer] = await until(() => (postsIn(h.fake, where.channel, '1700000950.000002').length > 0 ? postsIn(h.fake, where.channel, '1700000950.000002') : undefined), 'the lookup');
    expect(shownText(answer!.params.blocks)).toContain('CAP');
  });
});
