import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/catalog-loader.ts';
import { createAssessor } from '../../src/rules/assessor.ts';
import { assessmentReply } from '../../src/dialog/replies/assessment-reply.ts';
import type { Reply } from '../../src/dialog/reply.ts';
import { LongValues, parseComponentId } from '../../src/adapters/discord/custom-id.ts';
import { renderReply, type DiscordMessage } from '../../src/adapters/discord/render-message.ts';
import { everything } from './largest-requirements.ts';
import { limitViolations } from './limits-check.ts';


const ctx = () => ({ designVersion: 3, sessionVersion: 7, values: new LongValues() });
const all = (messages: DiscordMessage[]) => messages.flatMap(limitViolations);

describe('the Discord renderer', () => {
  let card: Reply;
  beforeAll(async () => {
    const catalog = loadCatalog();
    const assessor = await createAssessor({ catalog });
    const { assessment } = await assessor.assess(everything);
    card = { ...assessmentReply(assessment, { title: everything.name! }), design: { id: 'd-123abc', version: 3 } };
  });

  it('keeps the largest assessment card within every Discord limit, without losing a field', () => {
    const messages = renderReply(card, ctx());
    expect(all(messages)).toEqual([]);
    const rendered = messages.flatMap((m) => m.embeds.flatMap((e) => e.fields ?? [])).map((f) => f.name);
    for (const field of card.fields ?? []) expect(rendered.some((name) => name.startsWith(field.label.slice(0, 20)))).toBe(true);
    expect(messages.at(-1)!.components.length).toBeGreaterThan(0);
    expect(messages.at(-1)!.embeds.at(-1)!.footer?.text).toBe('Design d-123abc · version 3');
  });

  it('splits a reply far over every limit into several valid messages', () => {
    const long = Array.from({ length: 400 }, (_, i) => `line ${i}: ${'word '.repeat(12)}`).join('\n');
    const reply: Reply = {
      kind: 'entry',
      title: 'T'.repeat(1000),
      summary: long,
      text: long,
      fields: Array.from({ length: 60 }, (_, i) => ({ label: `Field ${i} ${'x'.repeat(300)}`, value: long.slice(0, 3000) })),
      formulas: Array.from({ length: 50 }, (_, i) => `f${i} = a * b / c_${i}`),
    };
    const messages = renderReply(reply, ctx());
    expect(messages.length).toBeGreaterThan(3);
    expect(all(messages)).toEqual([]);
    expect(messages[0]!.embeds[0]!.title!.length).toBe(256);
  });

  it('draws a reply whose text is only whitespace as a placeholder message instead of failing', () => {
    const messages = renderReply({ kind: 'info', text: ' \n\t ' }, ctx());
    expect(messages).toHaveLength(1);
    expect(messages[0]!.content).toBe('…');
    expect(all(messages)).toEqual([]);
  });

  it('splits plain text over 2,000 characters into several messages at line breaks', () => {
    const text = Array.from({ length: 100 }, (_, i) => `point ${i} of a long answer`).join('\n');
    const messages = renderReply({ kind: 'info', text }, ctx());
    expect(messages.length).toBe(2);
    expect(all(messages)).toEqual([]);
    expect(messages[1]!.content!.startsWith('point')).toBe(true);
  });

  it('draws few choices as buttons and many as select menus, with a Type a value button on questions', () => {
    const few = renderReply({ kind: 'question', text: 'Pick', choices: [{ label: 'Yes', value: 'yes' }, { label: 'Skip', value: 'skip' }] }, ctx());
    const fewRows = few.at(-1)!.components;
    expect(fewRows.map((r) => r.components.map((c) => c.type))).toEqual([[2, 2], [2]]);
    const many = Array.from({ length: 60 }, (_, i) => ({ label: `Option ${i}`, value: `value ${i}` }));
    const rows = renderReply({ kind: 'question', text: 'Pick one', choices: many }, ctx()).at(-1)!.components;
    expect(rows.map((r) => r.components[0]!.type)).toEqual([3, 3, 3, 2]);
    expect(all(renderReply({ kind: 'question', text: 'Pick one', choices: many }, ctx()))).toEqual([]);
  });

  it('carries the design and session versions in custom ids, and keeps a value too long for one retrievable', () => {
    const values = new LongValues();
    const value = `set name ${'a very long design name '.repeat(10)}`;
    const [message] = renderReply({ kind: 'question', text: 'Q', choices: [{ label: 'Long', value }] }, { designVersion: 2, sessionVersion: 9, values });
    const button = message!.components[0]!.components[0] as { custom_id: string };
    expect(button.custom_id.length).toBeLessThanOrEqual(100);
    const parsed = parseComponentId(button.custom_id);
    expect(parsed).toMatchObject({ type: 'choice', designVersion: 2, sessionVersion: 9 });
    expect(values.decode((parsed as { payload: string }).payload)).toBe(value);
    expect(new LongValues().decode((parsed as { payload: string }).payload)).toBeUndefined();
  });

  it('binds only question buttons to the session, so a card button survives later questions', () => {
    const [message] = renderReply({ kind: 'info', text: 'x', choices: [{ label: 'Export', value: 'export' }] }, ctx());
    const id = parseComponentId((message!.components[0]!.components[0] as { custom_id: string }).custom_id);
    expect(id).toMatchObject({ designVersion: 3 });
    expect(id?.sessionVersion).toBeUndefined();
  });

  it('never lets text mention anyone and escapes Markdown in user text', () => {
    const [message] = renderReply({ kind: 'info', text: '@everyone look at **this** <@123>' }, ctx());
    expect(message!.allowedMentions).toEqual({ parse: [] });
    expect(message!.content).toContain('\\*\\*this\\*\\*');
  });
});
