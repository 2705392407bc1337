import { describe, expect, it } from 'vitest';
import { startHarness as startDiscord, alice, slash } from '../discord/bot-harness.ts';
import { snowflake } from '../discord/fake-discord.ts';
import { pngSize } from '../diagram/png.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';
import { until } from '../helpers/until.ts';
import { shownText } from '../slack/block-limits.ts';
import { postsIn, startHarness as startSlack, type SlackHarness } from '../slack/slack-harness.ts';

// Several designs apart (issue 15) through the real SDKs on the loopback fakes, with the file store on a
// real lowdb directory: a second session (a new app over the same directory) finds the first one's designs
// and reopens them, and another channel never sees them.

const tempDir = useTempDirs('quorum-several-');
/** How long to wait for the bot on a loaded machine (a diagram renders in seconds there). */
const patient = 30_000;

describe('several designs on Slack, through Bolt and the file store', () => {
  const where = { team: 'T-many', channel: 'C-many', user: 'U1' };
  const thread = '1700001000.000001';
  let n = 0;
  const inThread = (h: SlackHarness, text: string) =>
    h.event(where, { type: 'message', channel: where.channel, channel_type: 'channel', user: 'U1', text, thread_ts: thread, ts: `1700001000.${String(++n + 100).padStart(6, '0')}` });
  /** The text of the first post in the thread, after `from` posts, that matches. */
  const post = (h: SlackHarness, from: number, match: RegExp, what: string) =>
    until(() => postsIn(h.fake, where.channel, thread).slice(from).map((p) => `${String(p.params.text)}\n${shownText(p.params.blocks)}`).find((t) => match.test(t)), what);

  it('keeps the first design when a second is started, and a second session finds and reopens both', async () => {
    const store = `file:${await tempDir()}`;
    const first = await startSlack({ store });
    try {
      await first.event(where, { type: 'app_mention', user: 'U1', text: '<@UBOT> assess payments ledger, 3k writes/s, four nines', ts: thread, channel: where.channel });
      await post(first, 0, /Payments ledger — /, 'the ledger card');
      let from = postsIn(first.fake, where.channel, thread).length;
      await inThread(first, 'design Search autocomplete');
      await post(first, from, /New design "Search autocomplete"\. "Payments ledger" is kept/, 'the new design');
      from = postsIn(first.fake, where.channel, thread).length;
      await inThread(first, '40k queries a second, p99 under 20 ms');
      await post(first, from, /Search autocomplete — /, 'the second card');
    } finally {
      await first.close();
    }

    const second = await startSlack({ store });
    try {
      const designs = await second.quorum.stores.designs.listDesigns({ platform: 'slack', workspace: where.team, channel: where.channel });
      expect(designs.map((d) => d.title).sort()).toEqual(['Payments ledger', 'Search autocomplete']);
      const ledger = designs.find((d) => d.title === 'Payments ledger')!;
      let from = postsIn(second.fake, where.channel, thread).length;
      await inThread(second, 'designs');
      const listed = await post(second, from, /Designs in this channel/, 'the list');
      expect(listed).toMatch(/▶ Search autocomplete \(d-\w+\) · v1 .* open in this thread/);
      expect(listed).toContain(`Payments ledger (${ledger.id}) · v1`);

      from = postsIn(second.fake, where.channel, thread).length;
      await inThread(second, 'open paymnts ledger');
      await post(second, from, /Opened "Payments ledger" \(the closest to "paymnts ledger"\)/, 'the switch');
      from = postsIn(second.fake, where.channel, thread).length;
      await inThread(second, 'set writesPerSec 6000');
      await post(second, from, /What if writesPerSec 3,000\/s → 6,000\/s — v1 → v2/, 'the what-if on the ledger');
      expect((await second.quorum.stores.designs.getDesign(ledger.key))!.versions).toHaveLength(2);

      // /quorum design <name> opens a thread of its own for the named design.
      await second.command(where, 'design Inventory service');
      const opening = await until(() => postsIn(second.fake, where.channel).find((p) => /started the design "Inventory service"/.test(String(p.params.text))), 'the new thread');
      expect(opening.params.thread_ts).toBeUndefined();
      const named = await until(() => postsIn(second.fake, where.channel).find((p) => /New design "Inventory service"\./.test(String(p.params.text))), 'the named interview');
      expect(named.params.thread_ts).not.toBe(thread);
      expect(String(named.params.text)).not.toMatch(/is kept/);

      // Another channel of the same workspace finds nothing to open.
      const other = { ...where, channel: 'C-other' };
      const otherThread = '1700001000.900001';
      await second.event(other, { type: 'app_mention', user: 'U1', text: '<@UBOT> open Payments ledger', ts: otherThread, channel: other.channel });
      const refused = await until(() => postsIn(second.fake, other.channel).map((p) => shownText(p.params.blocks) || String(p.params.text)).find((t) => t.length > 0), 'the refusal');
      expect(refused).toMatch(/This channel has no saved designs yet/);
      expect(refused).not.toMatch(/Payments ledger"|Search autocomplete/);
    } finally {
      await second.close();
    }
  });
});

describe('several designs on Discord, through discord.js and the file store', () => {
  it('starts named designs by /design start name:, and a second session lists them in another thread, opens one and draws it with /design diagram', async () => {
    const store = `file:${await tempDir()}`;
    const first = await startDiscord({ store });
    let guild;
    try {
      guild = first.fake.guilds[0]!;
      const start = slash(first.fake, alice, 'design', { sub: 'start', options: { name: 'Payments ledger' } });
      const created = await first.fake.waitFor((c) => c.method === 'POST' && /\/channels\/\d+\/threads$/.test(c.path), patient);
      const threadId = created.response.id as string;
      expect(created.body.name).toBe('Design: Payments ledger');
      await first.fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(start.token), patient);
      const where = { threadId };
      const assess = slash(first.fake, alice, 'design', { sub: 'assess', options: { requirements: 'a ledger, 3k writes/s, four nines' } }, where);
      await first.fake.waitFor((c) => c.path.includes(assess.token) && /"title":"Payments ledger","description":"Meets/.test(JSON.stringify(c.body ?? null)), patient);
      const named = slash(first.fake, alice, 'design', { sub: 'start', options: { name: 'Search autocomplete' } }, where);
      const started = await first.fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(named.token), patient);
      expect(JSON.stringify(started.body)).toContain('New design \\"Search autocomplete\\". \\"Payments ledger\\" is kept');
      const second = slash(first.fake, alice, 'design', { sub: 'assess', options: { requirements: '40k queries a second, p99 under 20 ms' } }, where);
      await first.fake.waitFor((c) => c.path.includes(second.token) && /"title":"Search autocomplete"/.test(JSON.stringify(c.body ?? null)), patient);
    } finally {
      await first.stop();
    }

    const again = await startDiscord({ store, guilds: [guild!] });
    try {
      // Another thread of the same channel, in the new session: the channel's designs are all there to open.
      const where = { threadId: again.fake.addThread(guild!).id as string };
      const designs = await again.quorum.stores.designs.listDesigns({ platform: 'discord', workspace: guild!.id, channel: guild!.channelId });
      expect(designs.map((d) => d.title).sort()).toEqual(['Payments ledger', 'Search autocomplete']);
      const list = slash(again.fake, alice, 'design', { sub: 'list' }, where);
      const listed = JSON.stringify((await again.fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(list.token), patient)).body);
      expect(listed).toMatch(/Search autocomplete \(d-\w+\) · v1/);
      expect(listed).toMatch(/Payments ledger \(d-\w+\) · v1/);
      expect(listed).not.toContain('▶');
      // /design open completes the channel's design names as they are typed (the value is the id).
      const typing = again.fake.interact({
        ...again.fake.base(4, alice, where),
        data: { id: snowflake(), name: 'design', type: 1, options: [{ name: 'open', type: 1, options: [{ name: 'name', type: 3, value: 'paym', focused: true }] }] },
      });
      const completed = await again.fake.waitFor((c) => c.path.includes(`/interactions/${typing.id}/`), patient);
      const ledger = designs.find((d) => d.title === 'Payments ledger')!;
      expect(completed.body).toMatchObject({ type: 8, data: { choices: [{ name: `Payments ledger (${ledger.id}) · v1`, value: ledger.id }] } });
      const open = slash(again.fake, alice, 'design', { sub: 'open', options: { name: 'payments ledgr' } }, where);
      const opened = JSON.stringify((await again.fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(open.token), patient)).body);
      expect(opened).toContain('Opened \\"Payments ledger\\" (the closest to \\"payments ledgr\\")');
      const diagram = slash(again.fake, alice, 'design', { sub: 'diagram' }, where);
      const drawn = await again.fake.waitFor((c) => c.path.includes(diagram.token) && c.files.length > 0, patient);
      expect(drawn.files[0]!.name).toMatch(/-diagram\.png$/);
      expect(pngSize(drawn.files[0]!.bytes).width).toBeGreaterThanOrEqual(800);
      expect(JSON.stringify(drawn.body)).toMatch(/Payments ledger/);
    } finally {
      await again.stop();
    }
  });
});
