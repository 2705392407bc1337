import { describe, expect, it } from 'vitest';
import { checkoutAnswers, makeCore } from '../helpers/dialog-harness.ts';
import { record, textOf } from '../helpers/recording-core.ts';
import { said } from '../helpers/turns.ts';

describe('the guided design interview', () => {
  it('runs from design to a saved first version with the assessment card', async () => {
    const { core, store } = await makeCore();
    const chat = record(core);
    const first = await chat.send(said('interview'));
    expect(first[0]?.kind).toBe('question');
    expect(first[0]?.text).toContain('What are you building?');
    for (const answer of checkoutAnswers) await chat.send(said(answer));

    const card = chat.last().find((r) => r.kind === 'assessment');
    expect(card?.assessment?.capabilities.length).toBeGreaterThan(0);
    expect(card?.design?.version).toBe(1);
    expect(card?.choices?.map((c) => c.value)).toEqual(expect.arrayContaining(['export', 'history']));

    const design = await store.getDesign({ platform: 'terminal', workspace: 'w', channel: 'c', thread: 't' });
    expect(design?.title).toBe('checkout service');
    expect(design?.versions).toHaveLength(1);
    expect(design?.versions[0]?.requirements).toMatchObject({
      name: 'checkout service',
      domain: 'ecommerce',
      writesPerSec: 2000,
      readsPerSec: 40000,
      availability: 0.9999,
      exactlyOnce: true,
      budgetUsdPerMonth: 20000,
    });
    expect(design?.versions[0]?.requirements.consistency).toBeUndefined();
    expect(design?.versions[0]?.answeredBy.writesPerSec).toBe('alice');
    expect(design?.versions[0]?.cause).toBe('interview');
  });

  it('offers each question\'s choices plus Skip and Back as buttons', async () => {
    const { core } = await makeCore();
    await core.handle(said('interview'));
    await core.handle(said('checkout service'));
    const [question] = (await core.handle(said('ecommerce'))).replies;
    const values = question?.choices?.map((c) => c.value) ?? [];
    expect(values).toContain('let the domain decide');
    expect(values.slice(-2)).toEqual(['skip', 'back']);
  });

  it('re-asks a nonsense answer with the parser\'s message and keeps the place', async () => {
    const { core } = await makeCore();
    await core.handle(said('interview'));
    await core.handle(said('ledger'));
    await core.handle(said('financial'));
    await core.handle(said('strong'));
    const replies = (await core.handle(said('banana'))).replies;
    expect(replies[0]?.kind).toBe('error');
    expect(replies[0]?.error?.message).toMatch(/banana/);
    expect(replies[1]?.text).toContain('How many writes per second');
    const next = (await core.handle(said('20k'))).replies;
    expect(textOf(next)).toContain('writesPerSec = 20,000');
    expect(textOf(next)).toContain('how many reads per second');
  });

  it('re-asks a flags question when no listed option is recognised', async () => {
    const { core } = await makeCore();
    await core.handle(said('interview'));
    for (const answer of checkoutAnswers.slice(0, 14)) (await core.handle(said(answer))).replies;
    const replies = (await core.handle(said('purple elephants'))).replies;
    expect(replies[0]?.error?.code).toBe('unrecognized_answer');
    expect(replies[1]?.text).toContain('Exactly-once');
  });

  it('goes back to undo the last answer and skips a question leaving its field unset', async () => {
    const { core, store } = await makeCore();
    await core.handle(said('interview'));
    await core.handle(said('feed'));
    await core.handle(said('social'));
    const back = (await core.handle(said('back'))).replies;
    expect(back[0]?.text).toContain('Which domain');
    await core.handle(said('content'));
    await core.handle(said('eventual'));
    await core.handle(said('skip'));
    await core.handle(said('1M'));
    await core.handle(said('assess'));
    const design = await store.getDesign({ platform: 'terminal', workspace: 'w', channel: 'c', thread: 't' });
    const req = design?.versions[0]?.requirements;
    expect(req?.domain).toBe('content');
    expect(req?.writesPerSec).toBeUndefined();
    expect(req?.readsPerSec).toBe(1_000_000);
  });

  it('says there is nothing to go back to on the first question', async () => {
    const { core } = await makeCore();
    await core.handle(said('interview'));
    const replies = (await core.handle(said('back'))).replies;
    expect(replies[0]?.text).toContain('nothing to go back to');
    expect(replies[0]?.choices?.map((c) => c.value)).not.toContain('back');
  });

  it('restarts from the first question with no answers kept', async () => {
    const { core } = await makeCore();
    await core.handle(said('interview'));
    await core.handle(said('ledger'));
    await core.handle(said('financial'));
    const replies = (await core.handle(said('restart'))).replies;
    expect(replies[0]?.text).toContain('Starting over');
    expect(replies[0]?.text).toContain('What are you building?');
    const shown = (await core.handle(said('show'))).replies;
    expect(textOf(shown)).toContain('no answers so far');
  });

  it('cancels the interview, after which skip is refused politely', async () => {
    const { core, store } = await makeCore();
    await core.handle(said('interview'));
    await core.handle(said('ledger'));
    const cancelled = (await core.handle(said('cancel'))).replies;
    expect(cancelled[0]?.text).toContain('Interview cancelled');
    const skip = (await core.handle(said('skip'))).replies;
    expect(skip[0]?.error?.code).toBe('not_interviewing');
    expect(await store.getDesign({ platform: 'terminal', workspace: 'w', channel: 'c', thread: 't' })).toBeUndefined();
  });

  it('answers a side question mid-interview and re-shows the pending question', async () => {
    const { core } = await makeCore();
    await core.handle(said('interview'));
    await core.handle(said('ledger'));
    await core.handle(said('financial'));
    const side = (await core.handle(said('what is CAP?'))).replies;
    expect(textOf(side)).toMatch(/CAP/);
    expect(side.at(-1)?.kind).toBe('question');
    expect(side.at(-1)?.text).toContain('How fresh must a read be');
    const shown = (await core.handle(said('show P5'))).replies;
    expect(shown[0]?.kind).toBe('entry');
    expect(shown.at(-1)?.text).toContain('How fresh must a read be');
    const next = (await core.handle(said('linearizable'))).replies;
    expect(textOf(next)).toContain('consistency = linearizable');
  });

  it('lets anyone in the thread answer and records who answered what', async () => {
    const { core, store } = await makeCore();
    await core.handle(said('interview', 'alice'));
    await core.handle(said('ledger', 'alice'));
    await core.handle(said('financial', 'bob'));
    await core.handle(said('set writesPerSec 5k', 'carol'));
    await core.handle(said('assess', 'alice'));
    const design = await store.getDesign({ platform: 'terminal', workspace: 'w', channel: 'c', thread: 't' });
    expect(design?.versions[0]?.answeredBy).toMatchObject({ name: 'alice', domain: 'bob', writesPerSec: 'carol' });
    expect(design?.versions[0]?.savedBy).toBe('alice');
  });

  it('explains an unknown set field with close field names', async () => {
    const { core } = await makeCore();
    const replies = (await core.handle(said('set writesPerSecond 20k'))).replies;
    expect(replies[0]?.error?.code).toBe('unknown_field');
    expect(replies[0]?.error?.message).toContain('writesPerSec');
  });

  it('refuses a 10 KB message with a friendly error and stores nothing', async () => {
    const { core, store } = await makeCore();
    await core.handle(said('interview'));
    const before = await store.getSession({ platform: 'terminal', workspace: 'w', channel: 'c', thread: 't' });
    const replies = (await core.handle(said('x'.repeat(10_000)))).replies;
    expect(replies).toHaveLength(1);
    expect(replies[0]?.error?.code).toBe('too_long');
    expect(replies[0]?.text).toContain('too long');
    const after = await store.getSession({ platform: 'terminal', workspace: 'w', channel: 'c', thread: 't' });
    expect(after?.version).toBe(before?.version);
  });

  it('never echoes @channel from an answer as a live mention', async () => {
    const { core } = await makeCore();
    await core.handle(said('interview'));
    const replies = (await core.handle(said('@channel payments @here'))).replies;
    const everything = JSON.stringify(replies);
    expect(everything).not.toMatch(/@channel|@here/);
    expect(textOf(replies)).toContain('@\u200Bchannel payments');
  });

  it('shows help with the commands at any time', async () => {
    const { core } = await makeCore();
    const replies = (await core.handle(said('help'))).replies;
    expect(replies[0]?.kind).toBe('help');
    for (const word of ['design', 'set <field> <value>', 'why <id>', 'export', 'designs']) expect(replies[0]?.text).toContain(word);
  });
});
