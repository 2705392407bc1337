import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/dialog/reply.ts';
import { makeCore, realFramework } from '../helpers/dialog-harness.ts';
import { said } from '../helpers/turns.ts';

async function ask(text: string, core?: Awaited<ReturnType<typeof makeCore>>['core']): Promise<Reply[]> {
  return (await (core ?? (await makeCore()).core).handle(said(text))).replies;
}

/** The catalog ids a reply's choices open with `show <id>`. */
function shownIds(reply: Reply | undefined): string[] {
  return (reply?.choices ?? []).map((c) => /^show (.+)$/.exec(c.value)?.[1]).filter((id): id is string => id !== undefined);
}

describe('lookups restricted to one kind', () => {
  it('answers with the entry itself when one entry of the kind clearly matches', async () => {
    const [reply] = await ask('pattern outbox');
    expect(reply?.kind).toBe('entry');
    expect(reply?.title).toContain('(M1, outbox)');
  });

  it('reads a bare number in the kind’s own numbering: primitive 5 is P5, law 3 is L3', async () => {
    const { core } = await makeCore();
    const [primitive] = await ask('primitive 5', core);
    const [law] = await ask('law 3', core);
    expect(primitive?.title).toBe('Consensus (P5)');
    expect(law?.title).toContain('universal-scalability-law');
  });

  it('finds the primitive for "primitive consensus" but no pattern for "pattern consensus"', async () => {
    const { core } = await makeCore();
    const [primitive] = await ask('primitive consensus', core);
    expect(primitive?.kind).toBe('entry');
    expect(primitive?.title).toContain('P5');

    const [pattern] = await ask('pattern consensus', core);
    expect(pattern?.kind).toBe('search');
    expect(pattern?.title).toBe('No pattern matches "consensus"');
    expect(pattern?.text).toContain('is a primitive, not a pattern: show P5');
  });

  it('lists several close entries of the kind with show choices, and nothing of other kinds', async () => {
    const { catalog } = await realFramework();
    const [reply] = await ask('capability order');
    expect(reply?.kind).toBe('search');
    const ids = shownIds(reply);
    expect(ids).toEqual(expect.arrayContaining(['PerKeyOrder', 'CausalOrder', 'TotalOrder']));
    for (const id of ids) expect(catalog.get(id)?.kind).toBe('capability');
    expect(reply?.fields?.[0]?.value).not.toMatch(/, (law|pattern|primitive|pitfall),/);
  });

  it('offers the closest names of the kind when nothing of that kind matches, and points to the entry of another kind', async () => {
    const { catalog } = await realFramework();
    const [reply] = await ask('law outbox');
    expect(reply?.title).toBe('No law matches "outbox"');
    const [other, ...closest] = shownIds(reply);
    expect(other).toBe('outbox');
    expect(closest.length).toBeGreaterThan(0);
    for (const id of closest) expect(catalog.get(id)?.kind).toBe('law');
    expect(reply?.choices?.at(-1)).toEqual({ label: 'All laws', value: 'laws' });
  });

  it('suggests laws by spelling for a query that names nothing at all', async () => {
    const { catalog } = await realFramework();
    const [reply] = await ask('law murfy');
    expect(reply?.text).toContain('No law matches "murfy"');
    expect(reply?.text).toContain("Murphy's Law");
    for (const id of shownIds(reply)) expect(catalog.get(id)?.kind).toBe('law');
  });

  it.each([
    ['laws', 'law', 15],
    ['patterns', 'pattern', 15],
    ['primitives', 'primitive', 20],
    ['capabilities', 'capability', 30],
  ] as const)('lists every entry for "%s" in catalog order', async (text, kind, count) => {
    const { catalog } = await realFramework();
    const [reply] = await ask(text);
    expect(reply?.kind).toBe('list');
    const listed = (reply?.fields ?? []).flatMap((f) => f.value.split('\n'));
    expect(listed).toHaveLength(count);
    expect(listed.map((line) => /\(([^()]+)\)$/.exec(line)?.[1])).toEqual(catalog.list(kind).map((e) => e.id));
  });

  it('answers a kind lookup in the middle of an interview and keeps the interview’s place', async () => {
    const { core } = await makeCore();
    await core.handle(said('interview'));
    const replies = (await core.handle(said('pattern saga'))).replies;
    expect(replies[0]?.title).toBe('Saga (M2, saga)');
    expect(replies.at(-1)?.text).toContain('Back to the interview (question 1 of');
    const next = (await core.handle(said('checkout service'))).replies;
    expect(next.at(-1)?.title).toMatch(/^Question 2 of/);
    expect(next.at(-1)?.text).toContain('name = "checkout service"');
  });

  it('mentions the kind commands in help', async () => {
    const [help] = await ask('help');
    expect(help?.text).toContain('law / pattern / primitive / capability <words>');
    expect(help?.text).toContain('laws / patterns / primitives / capabilities');
  });
});
