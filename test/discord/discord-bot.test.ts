import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  alice,
  autocomplete,
  bob,
  callbackOf,
  choose,
  click,
  componentsOf,
  settle,
  slash,
  startHarness,
  submitModal,
  type Harness,
} from './bot-harness.ts';
import type { RecordedCall } from './fake-discord.ts';
import { pngSize } from '../diagram/png.ts';
import { limitViolations } from './limits-check.ts';

const guildA = { id: '1100000000000000001', channelId: '1100000000000000101' };
const guildB = { id: '1100000000000000002', channelId: '1100000000000000102' };

/** Calls that carry a message the bot posted or edited. */
const isMessageCall = (c: RecordedCall) =>
  (c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path)) || /^\/webhooks\//.test(c.path);

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ guilds: [guildA, guildB] });
});
afterAll(async () => {
  await h?.stop();
});

/** Messages the bot sent from call index `from` on (responses, so they have ids for later clicks). */
/** A sent message that is a design card (its footer names the design). */
const isCard = (m: any): boolean => m?.embeds?.some((e: any) => /^Design d-/.test(e.footer?.text ?? '')) ?? false;
/** A sent message that asks an interview question (its buttons carry the interview's ids). */
const isQuestion = (m: any): boolean => m !== undefined && componentsOf(m).some((c: any) => c.custom_id?.startsWith('m|'));

function sentSince(from: number): any[] {
  return h.fake.calls.slice(from).filter((c) => isMessageCall(c) && c.method !== 'DELETE').map((c) => c.response);
}

describe('the Discord bot against a fake Discord', () => {
  it('connects with only the Guilds intent when typed replies are not enabled', () => {
    expect(h.fake.identify.intents).toBe(1);
    expect(h.fake.calls.some((c) => c.method === 'GET' && c.path === '/gateway/bot')).toBe(true);
  });

  it('answers /lookup by deferring, then editing the reply into an embed', async () => {
    const i = slash(h.fake, alice, 'lookup', { query: 'outbox' });
    expect((await callbackOf(h.fake, i)).body.type).toBe(5);
    const edit = await h.fake.waitFor((c) => c.method === 'PATCH' && c.path.endsWith(`/${i.token}/messages/@original`));
    expect(JSON.stringify(edit.body.embeds)).toMatch(/Outbox/);
    expect(limitViolations(edit.body)).toEqual([]);
  });

  it('answers /law with the entry restricted to laws', async () => {
    const i = slash(h.fake, alice, 'law', { name: 'cap-theorem' });
    const edit = await h.fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(i.token));
    expect(edit.body.embeds[0].title).toMatch(/CAP/);
  });

  it('answers /law with close laws, not a search of every kind, when no law matches the name', async () => {
    const i = slash(h.fake, alice, 'law', { name: 'outbox' });
    const edit = await h.fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(i.token));
    expect(edit.body.embeds[0].title).toMatch(/No law matches "outbox"/);
    expect(limitViolations(edit.body)).toEqual([]);
  });

  it('autocompletes with at most 25 choices, restricted to the command’s kind', async () => {
    const any = autocomplete(h.fake, alice, 'lookup', 'query', 'a');
    const anyCb = await callbackOf(h.fake, any);
    expect(anyCb.body.type).toBe(8);
    expect(anyCb.body.data.choices.length).toBeGreaterThan(0);
    expect(anyCb.body.data.choices.length).toBeLessThanOrEqual(25);
    for (const c of anyCb.body.data.choices) expect(c.name.length).toBeLessThanOrEqual(100);

    const patterns = autocomplete(h.fake, alice, 'pattern', 'name', 'sag');
    const choices = (await callbackOf(h.fake, patterns)).body.data.choices as Array<{ value: string }>;
    expect(choices[0]?.value).toBe('saga');
    for (const c of choices) expect(h.quorum.catalog.get(c.value)?.kind).toBe('pattern');

    const laws = autocomplete(h.fake, alice, 'law', 'name', '');
    expect((await callbackOf(h.fake, laws)).body.data.choices).toHaveLength(15);
  });

  it('sends every reply with allowed mentions set to none, even when the text mentions everyone', async () => {
    const i = slash(h.fake, alice, 'lookup', { query: '@everyone <@1400000000000000002> @here' });
    const edit = await h.fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(i.token));
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
  });

  let threadId = '';

  it('runs a whole interview in a new thread through buttons, select menus and modals, ending in a saved design', async () => {
    const start = slash(h.fake, alice, 'design', { sub: 'start' });
    const cb = await callbackOf(h.fake, start);
    expect(cb.body).toMatchObject({ type: 5, data: { flags: 64 } });
    const created = await h.fake.waitFor((c) => c.method === 'POST' && /\/channels\/\d+\/threads$/.test(c.path));
    threadId = created.response.id;
    const opened = await h.fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(start.token));
    expect(opened.body.content).toContain(`<#${threadId}>`);
    await settle(h.fake);

    let question = h.fake.calls.filter((c) => c.path === `/channels/${threadId}/messages`).at(-1)!.response;
    const where = { threadId };
    let card: any;
    let usedSelect = false;
    let usedModal = false;
    for (let step = 0; step < 40 && !card; step++) {
      const from = h.fake.calls.length;
      const components = componentsOf(question);
      const select = components.find((c) => c.type === 3);
      const primary = components.find((c) => c.type === 2 && c.style === 1);
      const typeValue = components.find((c) => c.type === 2 && c.custom_id.startsWith('m|'));
      let interaction;
      if (select) {
        const option = select.options.find((o: any) => !['skip', 'back'].includes(o.value));
        interaction = choose(h.fake, bob, question, select.custom_id, [option.value], where);
        usedSelect = true;
      } else if (primary) {
        interaction = click(h.fake, step % 2 ? bob : alice, question, primary.custom_id, where);
      } else {
        const open = click(h.fake, alice, question, typeValue.custom_id, where);
        const modal = await callbackOf(h.fake, open);
        expect(modal.body.type).toBe(9);
        interaction = submitModal(h.fake, alice, question, modal.body.data.custom_id, 'Project Atlas', where);
        usedModal = true;
      }
      expect((await callbackOf(h.fake, interaction)).body.type).toBe(6);
      await h.fake.waitFor((c) => c.method === 'POST' && c.path.includes(`/webhooks/${h.fake.applicationId}/${interaction.token}`));
      // Wait for the next question or the card itself, not for a quiet moment: on a loaded machine the
      // bot may pause longer than any quiet period between its follow-up and the next question.
      await h.fake.waitFor((c) => isMessageCall(c) && c.method !== 'DELETE' && (isCard(c.response) || isQuestion(c.response)), 30_000, from);
      await settle(h.fake, 50);
      const sent = sentSince(from);
      for (const call of h.fake.calls.slice(from).filter(isMessageCall)) expect(limitViolations(call.body)).toEqual([]);
      card = sent.find(isCard);
      question = sent.filter(isQuestion).at(-1);
      if (!card) expect(question, `a next question after step ${step}`).toBeDefined();
    }
    expect(usedSelect && usedModal).toBe(true);
    expect(card).toBeDefined();
    const design = await h.quorum.stores.designs.getDesign({ platform: 'discord', workspace: guildA.id, channel: guildA.channelId, thread: threadId });
    expect(design?.versions).toHaveLength(1);
    expect(design?.versions[0]!.requirements.name).toBe('Project Atlas');
    expect(new Set(Object.values(design!.versions[0]!.answeredBy))).toEqual(new Set([alice.id, bob.id]));
  });

  it('answers a click on a button of an earlier question with a polite ephemeral note', async () => {
    const firstQuestion = h.fake.calls.find((c) => c.path === `/channels/${threadId}/messages`)!.response;
    const button = componentsOf(firstQuestion).find((c) => c.type === 2)!;
    const before = await h.quorum.stores.designs.getSession({ platform: 'discord', workspace: guildA.id, channel: guildA.channelId, thread: threadId });
    const i = click(h.fake, alice, firstQuestion, button.custom_id, { threadId });
    const cb = await callbackOf(h.fake, i);
    expect(cb.body.type).toBe(6); // deferred: the core, not the adapter, decides the click is stale
    const note = await h.fake.waitFor((c) => c.method === 'POST' && c.path.includes(`/webhooks/${h.fake.applicationId}/${i.token}`));
    expect(note.body.flags).toBe(64);
    expect(JSON.stringify(note.body)).toMatch(/earlier question/);
    const after = await h.quorum.stores.designs.getSession({ platform: 'discord', workspace: guildA.id, channel: guildA.channelId, thread: threadId });
    expect(after?.version).toBe(before?.version);
  });

  it('exports the thread’s design as a Markdown file attachment', async () => {
    const i = slash(h.fake, alice, 'design', { sub: 'export' }, { threadId });
    const edit = await h.fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(i.token));
    expect(edit.files).toHaveLength(1);
    expect(edit.files[0]!.name).toMatch(/\.md$/);
    expect(edit.files[0]!.content).toMatch(/^# /m);
  });

  it('attaches the thread’s architecture as a PNG picture when the card’s Diagram button is clicked', async () => {
    const from = h.fake.calls.length;
    const show = slash(h.fake, alice, 'design', { sub: 'show' }, { threadId });
    await h.fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(show.token));
    await settle(h.fake);
    const card = sentSince(from).concat(h.fake.calls.slice(from).filter((c) => c.method === 'PATCH').map((c) => c.response)).find((m) => componentsOf(m).some((c) => c.label === 'Diagram'));
    expect(card, 'the card with its Diagram button').toBeDefined();
    const button = componentsOf(card).find((c) => c.label === 'Diagram')!;
    const before = h.fake.calls.length;
    click(h.fake, alice, card, button.custom_id, { threadId });
    const sent = await h.fake.waitFor((c) => h.fake.calls.indexOf(c) >= before && c.files.length > 0);
    expect(sent.files[0]!.name).toMatch(/-diagram\.png$/);
    expect(pngSize(sent.files[0]!.bytes).width).toBeGreaterThanOrEqual(800);
    expect(limitViolations(sent.body)).toEqual([]);
  });

  it('keeps guilds apart: a design of one guild is not listed in another', async () => {
    const inA = slash(h.fake, alice, 'design', { sub: 'list' });
    const listA = await h.fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(inA.token));
    expect(JSON.stringify(listA.body)).toContain('Project Atlas');
    const inB = slash(h.fake, alice, 'design', { sub: 'list' }, { guild: guildB });
    const listB = await h.fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(inB.token));
    expect(JSON.stringify(listB.body)).not.toContain('Project Atlas');
  });

  it('explains privately when it lacks the permission to open a thread', async () => {
    const threadCalls = h.fake.calls.filter((c) => c.path.endsWith('/threads')).length;
    const i = slash(h.fake, alice, 'design', { sub: 'start' }, { appPermissions: 1n << 10n });
    const edit = await h.fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(i.token));
    expect(edit.body.content).toMatch(/Create Public Threads/);
    expect(h.fake.calls.filter((c) => c.path.endsWith('/threads'))).toHaveLength(threadCalls);

    h.fake.failNext('POST', /\/threads$/, 403, { message: 'Missing Permissions', code: 50013 });
    const refused = slash(h.fake, alice, 'design', { sub: 'start' });
    const explained = await h.fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(refused.token));
    expect(explained.body.content).toMatch(/permission to open a thread/);
    expect(h.errors).toEqual([]);
  });

  it('never posts a message whose mentions Discord would parse', () => {
    const posted = h.fake.calls.filter(isMessageCall);
    expect(posted.length).toBeGreaterThan(20);
    for (const call of posted) expect(call.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers or defers interactions quickly (prints p50/p99 over 50 interactions)', async () => {
    const latencies: number[] = [];
    for (let n = 0; n < 25; n++) {
      const cmd = slash(h.fake, alice, 'lookup', { query: ['saga', 'quorum', 'cap', 'little', 'P5'][n % 5]! });
      latencies.push(h.fake.latencyOf(await callbackOf(h.fake, cmd))!);
      const ac = autocomplete(h.fake, alice, 'lookup', 'query', ['sa', 'lea', 'cons', 'p1', 'zipf'][n % 5]!);
      latencies.push(h.fake.latencyOf(await callbackOf(h.fake, ac))!);
    }
    await settle(h.fake, 60);
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!;
    console.log(`discord interaction → callback over ${latencies.length} interactions: p50 ${pct(50).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`);
    expect(latencies).toHaveLength(50);
  });
});
