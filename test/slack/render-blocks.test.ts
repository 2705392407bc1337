import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBlockContext, decodeButtonValue } from '../../src/adapters/slack/action-value.ts';
import { maxMessagesPerReply, renderBlocks, type SlackMessage } from '../../src/adapters/slack/render-blocks.ts';
import { createQuorum, type Quorum } from '../../src/bootstrap.ts';
import type { Reply } from '../../src/dialog/reply.ts';
import { limitViolations, liveMentions, shownText } from './block-limits.ts';
import { largestCard } from './largest-card.ts';

const context = { thread: '1700000000.000100' };
const hostile = 'Hi <!channel> and <!here|here> @everyone @here <@U0123ABC> <!subteam^S0001|@eng> & <https://evil.example|click me> *bold*';

function allText(messages: SlackMessage[]): string {
  return JSON.stringify(messages);
}

function actionElements(messages: SlackMessage[]) {
  return messages.flatMap((m) => m.blocks).flatMap((b) => (b.type === 'actions' ? b.elements : []));
}

describe('the Slack renderer', () => {
  let quorum: Quorum;
  let card: Reply;

  beforeAll(async () => {
    quorum = await createQuorum({ store: 'memory:', sessionTtlMs: 86_400_000, logLevel: 'silent' });
    card = await largestCard(quorum, { workspace: 'T-render', channel: 'C-render', thread: '1.1', user: 'U-render' });
  });
  afterAll(() => quorum.close());

  it('renders the largest real assessment card within every Block Kit limit', () => {
    const messages = renderBlocks(card, { context });
    expect(messages.length).toBeGreaterThanOrEqual(1);
    for (const message of messages) expect(limitViolations(message)).toEqual([]);
  });

  it('shows the verdict, figures, top risks and decisions, and a button for each command the card leaves out', () => {
    const text = allText(renderBlocks(card, { context }));
    for (const field of card.fields ?? []) expect(text).toContain(`*${field.label}*`);
    const a = card.assessment!;
    for (const w of a.warnings.slice(0, 3)) expect(text).toContain(w.severity);
    const values = actionElements(renderBlocks(card, { context })).map((b) => (b.type === 'button' ? decodeButtonValue(b.value)?.value : undefined));
    expect(values).toEqual(expect.arrayContaining(['diagram', 'risks', 'checks', 'reasons', 'obligations', 'technologies', 'export']));
  });

  it('puts the card buttons (what-if, export, history) last, carrying the thread and design version', () => {
    const messages = renderBlocks(card, { context });
    const last = messages.at(-1)!;
    const buttons = last.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
    const values = buttons.map((b) => (b.type === 'button' ? decodeButtonValue(b.value) : undefined));
    expect(values.map((v) => v?.value)).toEqual(expect.arrayContaining(['export', 'history']));
    for (const v of values) expect(v).toMatchObject({ thread: context.thread, version: card.design!.version });
  });

  it('echoes nothing from the user that Slack would turn into a live mention', () => {
    expect(liveMentions(renderBlocks(card, { context }))).toEqual([]);
    const reply: Reply = {
      kind: 'info',
      text: hostile,
      title: hostile,
      summary: hostile,
      fields: [{ label: hostile, value: hostile, inline: true }, { label: 'plain', value: hostile }],
      related: [{ kind: 'law', id: hostile, name: hostile }],
      choices: [{ label: hostile, value: hostile }],
    };
    const messages = renderBlocks(reply, { context, share: hostile });
    expect(liveMentions(messages)).toEqual([]);
    const text = shownText(messages);
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('&lt;@U0123ABC&gt;');
    expect(text).not.toMatch(/<https?:/);
  });

  it('splits a very long reply into a few valid messages, cutting the body with a note but keeping every choice', () => {
    const long = 'word & <tag> '.repeat(400);
    const reply: Reply = {
      kind: 'info',
      title: 'T'.repeat(400),
      text: long.repeat(10),
      summary: long,
      fields: Array.from({ length: 120 }, (_, i) => ({ label: `Field ${i}`, value: long.slice(0, 2500), inline: i % 2 === 0 })),
      formulas: Array.from({ length: 30 }, (_, i) => `f${i} = ${'x'.repeat(200)}`),
      choices: Array.from({ length: 240 }, (_, i) => ({ label: `Choice ${i} ${'L'.repeat(100)}`, value: `show P${i}` })),
    };
    const messages = renderBlocks(reply, { context });
    expect(messages.length).toBeGreaterThan(2);
    for (const message of messages) expect(limitViolations(message)).toEqual([]);
    const options = actionElements(messages).flatMap((e) => (e.type === 'static_select' ? e.options ?? [] : []));
    expect(options).toHaveLength(240);
    // The body takes at most all but one of the messages; 240 choices as select menus may need two more.
    expect(messages.length).toBeLessThanOrEqual(maxMessagesPerReply + 2);
    expect(allText(messages)).toContain('Field 1');
    expect(allText(messages)).toContain('too long to post');
  });

  it('offers up to five choices as buttons, and more as a select menu with skip and back kept as buttons', () => {
    const few = renderBlocks({ kind: 'question', text: 'q', choices: [{ label: 'A', value: 'a' }, { label: 'Skip', value: 'skip' }] }, { context });
    expect(actionElements(few).map((e) => e.type)).toEqual(['button', 'button']);
    const many: Reply = {
      kind: 'question',
      text: 'Which domain?',
      choices: ['financial', 'ecommerce', 'social', 'analytics', 'messaging', 'iot', 'skip', 'back'].map((v) => ({ label: v, value: v })),
    };
    const rendered = renderBlocks(many, { context: { thread: '9.9', version: 3 } });
    const elements = actionElements(rendered);
    expect(elements.map((e) => e.type)).toEqual(['static_select', 'button', 'button']);
    const selectBlock = rendered[0]!.blocks.find((b) => b.type === 'actions' && b.elements[0]?.type === 'static_select');
    expect(decodeBlockContext(selectBlock?.block_id)).toEqual({ thread: '9.9', version: 3 });
  });
});
