import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/dialog/command-parser.ts';
import type { Reply } from '../../src/dialog/reply.ts';
import { makeCore } from '../helpers/dialog-harness.ts';
import { day } from '../helpers/fixed-clock.ts';
import { textOf } from '../helpers/recording-core.ts';
import { said, type Place } from '../helpers/turns.ts';

// Several designs apart in one thread (issue 15): `design <name>` starts one beside the others,
// `designs` lists the channel's and marks the open one, `open <name or id>` switches, and every later
// command acts on the open design. Driven through the real core with the memory store.

const home = { platform: 'terminal', workspace: 'w', channel: 'c', thread: 't' } as const;
const channel = { platform: 'terminal', workspace: 'w', channel: 'c' } as const;
const ledger = 'assess payments ledger, 3k writes/s, four nines, p99 under 50 ms';

async function twoDesigns() {
  const harness = await makeCore();
  const say = async (text: string, user = 'alice', place: Place = {}) => (await harness.core.handle(said(text, user, place))).replies;
  await say(ledger);
  const started = await say('design Search autocomplete');
  const described = await say('40k queries a second, p99 under 20 ms, 200 GB of data');
  const byTitle = async (title: string) => (await harness.store.listDesigns(channel)).find((d) => d.title === title)!;
  return { ...harness, say, started, described, ledger: await byTitle('Payments ledger'), search: await byTitle('Search autocomplete') };
}

const cardOf = (replies: Reply[]) => replies.find((r) => r.assessment);
const choiceValues = (replies: Reply[]) => replies.flatMap((r) => r.choices ?? []).map((c) => c.value);

describe('several designs in one thread', () => {
  it('design <name> starts a new design beside the old one, which is kept unchanged', async () => {
    const { store, started, described, ledger, search } = await twoDesigns();
    expect(textOf(started)).toContain('New design "Search autocomplete". "Payments ledger" is kept');
    expect(cardOf(described)?.design).toEqual({ id: search.id, version: 1 });
    expect(search.id).not.toBe(ledger.id);
    // Both are this channel's designs; the first still lives in the thread's own slot with its one version.
    expect(search.key).toMatchObject(channel);
    const first = (await store.getDesign(home))!;
    expect(first.id).toBe(ledger.id);
    expect(first.versions).toHaveLength(1);
    expect((await store.getDesign(search.key))!.versions[0]!.requirements).toMatchObject({ readsPerSec: 40_000, readLatencyMs: 20 });
  });

  it('designs lists name, id, version, who and when, and marks the one this thread is on', async () => {
    const { say, ledger, search } = await twoDesigns();
    const [list, reminder] = await say('designs');
    // The decisive questions after the card are still pending: the reminder counts as their walk does.
    expect(reminder!.text).toMatch(/^Back to the interview \(question 1 of \d\): /);
    const lines = list!.text.split('\n');
    expect(lines.find((l) => l.startsWith('▶ '))).toMatch(new RegExp(`^▶ Search autocomplete \\(${search.id}\\) · v1 · 2025-01-06 09:00 UTC · by alice · open in this thread$`));
    expect(lines).toContain(`Payments ledger (${ledger.id}) · v1 · 2025-01-06 09:00 UTC · by alice`);
    expect(list!.choices).toEqual([{ label: 'Open "Payments ledger"', value: `open ${ledger.id}` }]);
  });

  it('every later command acts on the open design, and open switches back', async () => {
    const { say, store, ledger, search } = await twoDesigns();
    await say('skip');
    await say('cancel'); // ends the decisive questions
    const whatIf = await say('set writesPerSec 5000');
    expect(cardOf(whatIf)?.design).toEqual({ id: search.id, version: 2 });
    expect((await store.getDesign(home))!.versions).toHaveLength(1);
    expect(textOf(await say('history'))).toContain(`History of "Search autocomplete" (${search.id})`);
    expect(textOf(await say('show'))).toContain(`"Search autocomplete" (${search.id}), version 2`);
    const exported = (await say('export')).find((r) => r.file);
    expect(String(exported?.file?.content)).toMatch(/Search autocomplete/);
    expect(String(exported?.file?.content)).not.toMatch(/Payments ledger/);

    const opened = await say('open Payments ledger');
    expect(textOf(opened)).toMatch(new RegExp(`^Opened "Payments ledger": ${ledger.id}, version 1, saved 2025-01-06 09:00 UTC by alice`));
    expect(cardOf(opened)?.text).toMatch(/^Payments ledger — /);
    const ledgerWhatIf = await say('set availability 99.999%', 'bob');
    expect(cardOf(ledgerWhatIf)?.design).toEqual({ id: ledger.id, version: 2 });
    expect((await store.getDesign(search.key))!.versions).toHaveLength(2);
    expect(textOf(await say('plan'))).not.toMatch(/Search autocomplete/);
    const [list] = await say('designs');
    expect(list!.text).toMatch(new RegExp(`^▶ Payments ledger \\(${ledger.id}\\) · v2 .* · by bob · open in this thread$`, 'm'));
  });

  it('open finds by id, by part of the name and through typos', async () => {
    const { say, ledger, search } = await twoDesigns();
    expect(textOf(await say(`open ${ledger.id.toUpperCase()}`))).toMatch(/^Opened "Payments ledger": /);
    expect(textOf(await say('open search'))).toMatch(/^Opened "Search autocomplete": /);
    expect(textOf(await say('open paymnts ledgr'))).toMatch(/^Opened "Payments ledger" \(the closest to "paymnts ledgr"\): /);
    expect(textOf(await say(`open ${ledger.id}`))).toBe(`"Payments ledger" (${ledger.id}) is already open in this thread.`);
    expect(search.id).toMatch(/^d-/);
  });

  it('a name that fits several designs, or none, gets the candidates', async () => {
    const { say, ledger } = await twoDesigns();
    await say('assess');
    await say('design Payments refunds');
    await say('refunds of card payments, 200 writes/s, three nines');
    const several = await say('open payments');
    expect(several[0]!.text).toMatch(/^2 designs of this channel match "payments"; which one\?/);
    expect(choiceValues(several.slice(0, 1))).toEqual(expect.arrayContaining([`open ${ledger.id}`]));
    expect(choiceValues(several.slice(0, 1))).toHaveLength(2);

    const none = await say('open inventory service');
    expect(none[0]!.error?.code).toBe('design_not_found');
    expect(none[0]!.text).toMatch(/^No design of this channel is called "inventory service"\.\nIts latest: "Payments refunds"/);
    expect(choiceValues(none.slice(0, 1))).toHaveLength(3);
  });

  it('never opens a design of another channel or workspace', async () => {
    const { say, ledger } = await twoDesigns();
    for (const place of [{ channel: 'c2' }, { workspace: 'w2' }, { platform: 'slack' as const }]) {
      const byName = await say('open Payments ledger', 'mallory', place);
      expect(byName[0]!.error?.code).toBe('design_not_found');
      expect(textOf(byName)).not.toMatch(/Payments ledger"|Search autocomplete/);
      const byId = await say(`open ${ledger.id}`, 'mallory', place);
      expect(byId[0]!.error?.code).toBe('design_not_found');
      expect(textOf(await say('designs', 'mallory', place))).toMatch(/^No designs in this channel yet/);
    }
  });

  it('refuses to switch while the interview holds unsaved answers, and keeps them', async () => {
    const { say, store, search } = await twoDesigns();
    const answered = await say('analytics'); // the first decisive question after the card
    expect(textOf(answered)).toMatch(/Noted: /);
    const refused = await say('open Payments ledger');
    expect(refused[0]!.error?.code).toBe('unsaved_answers');
    expect(choiceValues(refused.slice(0, 1))).toEqual(['assess', 'cancel']);
    expect((await say('design Another one'))[0]!.error?.code).toBe('unsaved_answers');
    const saved = await say('assess');
    expect(cardOf(saved)?.design).toEqual({ id: search.id, version: 2 });
    expect((await store.getDesign(search.key))!.versions[1]!.requirements.domain).toBe('analytics');
    expect((await store.listDesigns(channel)).map((d) => d.title).sort()).toEqual(['Payments ledger', 'Search autocomplete']);
    expect(textOf(await say('open Payments ledger'))).toMatch(/^Opened "Payments ledger"/);
  });

  it('design <name> with a name the channel has offers to open it', async () => {
    const { say, ledger } = await twoDesigns();
    await say('assess');
    const taken = await say('design payments LEDGER');
    expect(taken[0]!.error?.code).toBe('design_name_taken');
    expect(choiceValues(taken)).toEqual([`open ${ledger.id}`]);
  });

  it('design <words that state requirements> reads them as the new design', async () => {
    const { say, store } = await twoDesigns();
    await say('assess');
    const replies = await say('design a telemetry pipeline, 200k writes/s, three nines');
    expect(textOf(replies)).toMatch(/^I read: .*writes 200,000\/s/);
    const card = cardOf(replies)!;
    const saved = (await store.listDesigns(channel)).find((d) => d.id === card.design?.id)!;
    expect(saved.title).toBe('Telemetry pipeline');
    expect((await store.listDesigns(channel))).toHaveLength(3);
  });

  it('reads design <words> typed as the answer to the first question of a fresh interview as that answer', async () => {
    const { core, store } = await makeCore();
    await core.handle(said('design'));
    const replies = (await core.handle(said('design for a chat app'))).replies;
    expect(textOf(replies)).toMatch(/^I read: domain messaging, for "Chat app"\./);
    expect(textOf(replies)).not.toMatch(/New design/);
    expect((await store.listDesigns(channel)).map((d) => d.title)).toEqual(['Chat app']);
  });

  it('in a thread with no design, design <name> names the thread\'s own design', async () => {
    const { core, store } = await makeCore();
    await core.handle(said('design Checkout'));
    await core.handle(said('checkout for a shop, 2k writes/s, 99.95%'));
    const own = await store.getDesign(home);
    expect(own?.title).toBe('Checkout');
    expect(await store.listDesigns(channel)).toHaveLength(1);
  });

  it('keeps the thread on its open design when an idle interview expires, and after a delete', async () => {
    const { core, store, clock } = await makeCore();
    const say = async (text: string) => (await core.handle(said(text))).replies;
    await say(ledger);
    await say('design Search autocomplete');
    clock.advance(8 * day);
    expect(textOf(await say('show'))).toMatch(/closed the open interview/);
    await say('40k queries a second, p99 under 20 ms');
    const search = (await store.listDesigns(channel)).find((d) => d.title !== 'Payments ledger')!;
    await say('delete');
    expect(textOf(await say('yes'))).toContain(`Deleted the design "${search.title}" (${search.id})`);
    expect(textOf(await say('show'))).toMatch(/^No saved design yet/);
    expect((await store.getDesign(home))?.title).toBe('Payments ledger');
  });

  it('stays on the open design when the rest of the thread\'s session cannot be read', async () => {
    const { say, store, search } = await twoDesigns();
    const stored = (await store.getSession(home))!;
    const raw = stored.state as Record<string, unknown>;
    await store.putSession(home, stored.version, { ...raw, schemaVersion: 99 });
    const shown = await say('show');
    expect(textOf(shown)).toMatch(/^I could not continue this thread's earlier conversation/);
    expect(textOf(shown)).toContain(`"Search autocomplete" (${search.id}), version 1`);
  });

  it('reads open <words>? as a question, and open alone as a usage hint', () => {
    expect(parseCommand('open source queues?').type).toBe('question');
    expect(parseCommand('open Payments ledger')).toEqual({ type: 'open', query: 'Payments ledger' });
    expect(() => parseCommand('open')).toThrow(/open <name or id>/);
    expect(parseCommand('design Search autocomplete')).toEqual({ type: 'designNamed', name: 'Search autocomplete' });
    expect(parseCommand('design')).toEqual({ type: 'design' });
    expect(() => parseCommand('design ""')).toThrow(/needs a letter or a digit/);
  });
});
