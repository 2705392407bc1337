import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeButtonValue } from '../../src/adapters/slack/action-value.ts';
import type { RecordedCall } from './fake-slack.ts';
import { shownText } from './block-limits.ts';
import { controlsOf, postsIn, startHarness, type SlackHarness } from './slack-harness.ts';

const where = { team: 'T-int', channel: 'C-int', user: 'U1' };
const nav = new Set(['skip', 'back']);

/** Clicks the first real answer of the latest question: a select's first option, or the first button that is not skip/back. */
function firstAnswer(post: RecordedCall): Record<string, unknown> | undefined {
  const controls = controlsOf(post);
  const select = controls.find((c) => c.type === 'static_select');
  if (select) {
    const option = select.options![0]!;
    return { type: 'static_select', action_id: select.action_id, block_id: select.block_id, selected_option: { text: option.text, value: option.value } };
  }
  const button = controls.find((c) => c.type === 'button' && !nav.has(decodeButtonValue(c.value)?.value ?? ''));
  return button && { type: 'button', action_id: button.action_id, block_id: 'b1', value: button.value };
}

describe('a design interview in a Slack thread', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('runs from /quorum design through thread replies and button clicks to a saved design, then a what-if, a stale button and an export', async () => {
    await h.command(where, 'design');
    const [opening] = await h.fake.waitFor('chat.postMessage', 2);
    expect(opening!.params.thread_ts).toBeUndefined();
    const thread = `${1_700_000_001}.000100`; // the fake's first ts: the opening message
    const key = { platform: 'slack', workspace: where.team, channel: where.channel, thread };
    expect(shownText(postsIn(h.fake, where.channel, thread)[0]!.params.blocks)).toContain('Question 1 of');

    // Its own messages, other bots, edits and joins do not count as answers.
    let since = h.fake.calls.length;
    const message = (extra: Record<string, unknown>, n: number) =>
      h.event(where, { type: 'message', channel: where.channel, channel_type: 'channel', thread_ts: thread, ts: `1700000002.00000${n}`, ...extra });
    await message({ user: 'UBOT', text: 'Bot echo' }, 1);
    await message({ user: 'U-bot-user', bot_id: 'B-other', text: 'Other bot' }, 2);
    await message({ subtype: 'message_changed', message: { user: 'U1', text: 'edited' } }, 3);
    await message({ subtype: 'channel_join', user: 'U2', text: '<@U2> has joined' }, 4);
    // A name that states no requirement: a few questions come before the first card.
    await message({ user: 'U1', text: 'Project Atlas' }, 5);
    await h.settle(since);
    const afterName = postsIn(h.fake, where.channel, thread).slice(1);
    expect(afterName).toHaveLength(1);
    expect(shownText(afterName[0]!.params.blocks)).toContain('Question 1 of 5');

    let design;
    for (let step = 0; step < 30 && !design; step++) {
      const latest = postsIn(h.fake, where.channel, thread).at(-1)!;
      const action = firstAnswer(latest);
      expect(action, `no answer to click in ${shownText(latest.params.blocks).slice(0, 200)}`).toBeDefined();
      since = h.fake.calls.length;
      const res = await h.click(where, action!, { messageTs: '1700000003.000001', threadTs: thread });
      expect(res.status).toBe(200);
      await h.settle(since);
      design = await h.quorum.stores.designs.getDesign(key);
    }
    expect(design?.title).toBe('Project Atlas');
    expect(design?.versions).toHaveLength(1);
    expect(design?.versions[0]!.savedBy).toBe('U1');
    expect(design?.versions[0]!.requirements).toMatchObject({ name: 'Project Atlas', domain: 'financial' });

    // The card is the post with what-if buttons (the decisive questions follow it).
    const card = postsIn(h.fake, where.channel, thread).filter((p) => controlsOf(p).some((c) => decodeButtonValue(c.value)?.value.startsWith('set '))).at(-1)!;
    const buttons = controlsOf(card).map((c) => ({ ...c, decoded: decodeButtonValue(c.value) }));
    const whatIfs = buttons.filter((b) => b.decoded?.value.startsWith('set '));
    expect(whatIfs.length).toBeGreaterThanOrEqual(2);
    expect(whatIfs.every((b) => b.decoded?.version === 1 && b.decoded.thread === thread)).toBe(true);

    since = h.fake.calls.length;
    await h.click(where, { type: 'button', action_id: whatIfs[0]!.action_id, block_id: 'b', value: whatIfs[0]!.value }, { messageTs: '1.5', threadTs: thread });
    await h.settle(since);
    expect((await h.quorum.stores.designs.getDesign(key))?.versions).toHaveLength(2);

    since = h.fake.calls.length;
    await h.click(where, { type: 'button', action_id: whatIfs[1]!.action_id, block_id: 'b', value: whatIfs[1]!.value }, { messageTs: '1.5', threadTs: thread });
    const staleReplies = (await h.settle(since)).filter((c) => c.method === 'chat.postMessage');
    expect(shownText(staleReplies[0]!.params.blocks)).toMatch(/version 1.*version 2/s);
    expect((await h.quorum.stores.designs.getDesign(key))?.versions).toHaveLength(2);

    since = h.fake.calls.length;
    await h.event(where, { type: 'message', channel: where.channel, channel_type: 'channel', thread_ts: thread, ts: '1700000009.000001', user: 'U2', text: 'export' });
    const [completed] = await h.fake.waitFor('files.completeUploadExternal');
    expect(completed!.params).toMatchObject({ channel_id: where.channel, thread_ts: thread });
    const [uploaded] = h.fake.callsTo('upload');
    expect(String(uploaded!.params.raw)).toContain('# Project Atlas');
    await h.settle(since);

    // Chatter in a finished thread that is no command is left alone.
    since = h.fake.calls.length;
    await h.event(where, { type: 'message', channel: where.channel, channel_type: 'channel', thread_ts: thread, ts: '1700000010.000001', user: 'U2', text: 'nice work team' });
    await h.event(where, { type: 'message', channel: where.channel, channel_type: 'channel', thread_ts: thread, ts: '1700000010.000002', user: 'U2', text: 'history' });
    const after = await h.settle(since);
    expect(after.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
    expect(shownText(after.at(-1)!.params.blocks)).toMatch(/version/i);
  });
});
