import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limitViolations, liveMentions, shownText } from './block-limits.ts';
import { controlsOf, postsIn, startHarness, type SlackHarness } from './slack-harness.ts';
import { eventBody, newEventId, postToSlackApp, testSigningSecret } from './slack-requests.ts';

const T1 = { team: 'T1', channel: 'C1', user: 'U1' };

describe('the Slack app over HTTP', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('answers a lookup command privately, with a "Share in channel" button that posts it for everyone', async () => {
    const sent = await h.command(T1, 'lookup cap theorem');
    expect(sent.status).toBe(200);
    const [answer] = (await h.fake.waitFor('response_url')).filter((c) => c.params.responseId === sent.responseId);
    expect(answer!.params.response_type).toBe('ephemeral');
    expect(shownText(answer!.params.blocks)).toContain('CAP');
    expect(limitViolations(answer!.params as { text: string; blocks: unknown })).toEqual([]);
    const share = controlsOf(answer!).find((c) => c.action_id === 'quorum_share');
    expect(share?.value).toBeTruthy();
    expect(postsIn(h.fake, T1.channel)).toHaveLength(0);

    await h.click(T1, { type: 'button', action_id: 'quorum_share', block_id: 'b', value: share!.value }, { messageTs: '1.2', ephemeral: true });
    const [shared] = await h.fake.waitFor('chat.postMessage');
    expect(shared!.params.channel).toBe(T1.channel);
    expect(shared!.params.thread_ts).toBeUndefined();
    expect(shownText(shared!.params.blocks)).toContain('CAP');
  });

  it('keeps the kind of /quorum law, pattern and the rest, so only entries of that kind answer', async () => {
    const answerTo = async (text: string) => {
      const sent = await h.command(T1, text);
      const mine = () => h.fake.callsTo('response_url').filter((c) => c.params.responseId === sent.responseId);
      for (let n = 0; n < 200 && mine().length === 0; n++) await new Promise((r) => setTimeout(r, 20));
      return mine().map((c) => shownText(c.params.blocks)).join('\n');
    };
    expect(await answerTo('pattern outbox')).toContain('Outbox (M1, outbox)');
    const wrongKind = await answerTo('law outbox');
    expect(wrongKind).toContain('No law matches');
    expect(wrongKind).toContain('is a pattern, not a law');
    expect(await answerTo('primitive 5')).toContain('Consensus (P5)');
    expect(await answerTo('patterns')).toContain('Patterns (15)');
  });

  it('answers a mention in a thread under the question', async () => {
    const origin = { ...T1, channel: 'C-mention' };
    const res = await h.event(origin, { type: 'app_mention', user: 'U1', text: '<@UBOT> what is CAP?', ts: '1700000100.000001', channel: origin.channel });
    expect(res.status).toBe(200);
    await h.fake.waitFor('chat.postMessage', h.fake.callsTo('chat.postMessage').length + 1);
    const posts = postsIn(h.fake, origin.channel);
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) expect(post.params.thread_ts).toBe('1700000100.000001');
    expect(shownText(posts[0]!.params.blocks)).toContain('CAP');
    expect(posts[0]!.params.link_names).toBe('false');
  });

  it('rejects a forged signature and a stale timestamp with 401 and calls no Slack API', async () => {
    const before = h.fake.calls.length;
    const body = eventBody({ team: 'T1' }, { type: 'app_mention', user: 'U1', text: '<@UBOT> help', ts: '1700000200.000001', channel: 'C-forged' });
    const forged = await postToSlackApp(h.port, body, { secret: 'not-the-secret' });
    const stale = await postToSlackApp(h.port, body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    const ahead = await postToSlackApp(h.port, body, { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 });
    expect([forged.status, stale.status, ahead.status]).toEqual([401, 401, 401]);
    // A genuine request afterwards is answered, and it is the only thing that reached the API.
    await h.event({ team: 'T1' }, { type: 'app_mention', user: 'U1', text: '<@UBOT> help', ts: '1700000200.000002', channel: 'C-genuine' });
    await h.settle(before);
    expect(h.fake.calls.slice(before).filter((c) => c.params.channel === 'C-forged')).toEqual([]);
    expect(postsIn(h.fake, 'C-genuine').length).toBeGreaterThan(0);
  });

  it('does not answer a retried event twice', async () => {
    const eventId = newEventId();
    const event = { type: 'app_mention', user: 'U1', text: '<@UBOT> show P5', ts: '1700000300.000001', channel: 'C-retry' };
    const since = h.fake.calls.length;
    await h.event({ team: 'T1' }, event, { eventId });
    await h.settle(since);
    const answered = postsIn(h.fake, 'C-retry').length;
    expect(answered).toBeGreaterThan(0);
    const retry = await h.event({ team: 'T1' }, event, { eventId, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    const afterRetry = h.fake.calls.length;
    await h.event({ team: 'T1' }, { ...event, ts: '1700000300.000002', channel: 'C-after-retry' });
    await h.settle(afterRetry);
    expect(postsIn(h.fake, 'C-after-retry').length).toBeGreaterThan(0);
    expect(postsIn(h.fake, 'C-retry')).toHaveLength(answered);
  });

  it('acks a button it does not know with 200 instead of letting Bolt answer 404', async () => {
    const res = await h.click(T1, { type: 'button', action_id: 'made_up_button', block_id: 'b', value: 'x' }, { messageTs: '1.9', ephemeral: true });
    expect(res.status).toBe(200);
  });

  it('answers an event whose retry claim cannot be written (dedup store down) instead of dropping it', async () => {
    // Fault injection on the port instance: the claim fails as a read-only or unreachable store fails.
    const dedup = h.quorum.stores.dedup;
    const claim = dedup.claim;
    dedup.claim = async () => {
      throw new Error('EROFS: read-only file system');
    };
    try {
      const since = h.fake.calls.length;
      await h.event({ team: 'T1' }, { type: 'app_mention', user: 'U1', text: '<@UBOT> show P5', ts: '1700000400.000001', channel: 'C-claim-down' });
      await h.settle(since);
      expect(postsIn(h.fake, 'C-claim-down').length).toBeGreaterThan(0);
    } finally {
      dedup.claim = claim;
    }
  });

  it('never echoes <!channel>, @everyone or a user mention from user text as a live mention', async () => {
    const since = h.fake.calls.length;
    await h.event({ team: 'T1' }, {
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> lookup <!channel> @everyone <@U999> <!subteam^S1|@devs> consensus',
      ts: '1700000400.000001',
      channel: 'C-hostile',
    });
    await h.settle(since);
    const posts = postsIn(h.fake, 'C-hostile');
    expect(posts.length).toBeGreaterThan(0);
    expect(shownText(posts.map((p) => p.params))).toMatch(/!channel/); // it was echoed, but inert
    expect(liveMentions(posts.map((p) => ({ text: p.params.text, blocks: p.params.blocks })))).toEqual([]);
  });

  it('still delivers a message that Slack rate-limited once (429 with Retry-After: 1)', async () => {
    h.fake.script('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } });
    const since = h.fake.calls.length;
    await h.event({ team: 'T1' }, { type: 'app_mention', user: 'U1', text: '<@UBOT> show P1', ts: '1700000500.000001', channel: 'C-429' });
    await h.fake.waitFor('chat.postMessage', h.fake.callsTo('chat.postMessage').length + 2);
    await h.settle(since);
    const attempts = postsIn(h.fake, 'C-429');
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(attempts[0]!.params.text).toBe(attempts[1]!.params.text);
    expect(h.logs.filter((l) => l.context.where === 'slack send')).toEqual([]);
  });

  it('explains privately how to invite the bot when it is not in the channel, and which scope is missing', async () => {
    h.fake.refuseChannel('C-outside', 'not_in_channel');
    const sent = await h.command({ ...T1, channel: 'C-outside' }, 'design');
    const note = await waitForResponse(h, sent.responseId);
    expect(note.params.response_type).toBe('ephemeral');
    expect(String(note.params.text)).toContain('/invite @Quorum');

    h.fake.script('chat.postMessage', { status: 200, body: { ok: false, error: 'missing_scope', needed: 'chat:write.public' } });
    const scoped = await h.command({ ...T1, channel: 'C-scope' }, 'design');
    const scopeNote = await waitForResponse(h, scoped.responseId);
    expect(String(scopeNote.params.text)).toMatch(/admin.*chat:write\.public/);
  });

  it('assesses requirements given in plain words in a new thread, and keeps workspaces apart', async () => {
    const where = { team: 'T-iso-1', channel: 'C-shared', user: 'U-same' };
    await h.command(where, 'assess payments ledger, financial, 20k writes/s, four nines, p99 reads under 50ms');
    await h.fake.waitFor('chat.postMessage', 1);
    const design = await waitForDesign(h, 'T-iso-1', 'C-shared');
    expect(design.versions[0]!.requirements).toMatchObject({ domain: 'financial', writesPerSec: 20000, availability: 0.9999 });
    const card = postsIn(h.fake, 'C-shared', design.key.thread);
    expect(shownText(card.map((c) => c.params.blocks))).toContain(design.id);

    const mine = await h.command(where, 'designs');
    expect(shownText((await waitForResponse(h, mine.responseId)).params)).toContain(design.id);
    const other = await h.command({ ...where, team: 'T-iso-2' }, 'designs');
    expect(shownText((await waitForResponse(h, other.responseId)).params)).not.toContain(design.id);
    expect(await h.quorum.stores.designs.listUserDesigns('slack', 'T-iso-2', 'U-same', 10)).toEqual([]);

    const before = h.fake.callsTo('views.publish').length;
    await h.event({ team: 'T-iso-2' }, { type: 'app_home_opened', user: 'U-same', channel: 'D-home', tab: 'home' });
    await h.event({ team: 'T-iso-1' }, { type: 'app_home_opened', user: 'U-same', channel: 'D-home', tab: 'home' });
    const views = (await h.fake.waitFor('views.publish', before + 2)).slice(before);
    const shown = views.map((v) => shownText(v.params.view));
    expect(shown.filter((s) => s.includes(design.id))).toHaveLength(1);
    expect(shown.every((s) => s.includes('Your recent designs'))).toBe(true);
  });

  it('treats a direct message as a thread of its own', async () => {
    const since = h.fake.calls.length;
    await h.event({ team: 'T1' }, { type: 'message', channel_type: 'im', user: 'U1', text: 'design', ts: '1700000600.000001', channel: 'D-dm' });
    await h.settle(since);
    await h.event({ team: 'T1' }, { type: 'message', channel_type: 'im', user: 'U1', text: 'Chat backend', ts: '1700000600.000002', channel: 'D-dm' });
    await h.settle(since + 1);
    const posts = postsIn(h.fake, 'D-dm');
    expect(posts.length).toBeGreaterThanOrEqual(2);
    for (const post of posts) expect(post.params.thread_ts).toBeUndefined();
    const session = await h.quorum.stores.designs.getSession({ platform: 'slack', workspace: 'T1', channel: 'D-dm', thread: 'D-dm' });
    expect(JSON.stringify(session?.state)).toContain('Chat backend');
  });

  it('logs refused calls with their context and never a token or secret', () => {
    const serialized = JSON.stringify(h.logs.map((l) => [l.err instanceof Error ? l.err.message : String(l.err), l.context]));
    expect(h.logs.some((l) => l.context.channel === 'C-outside')).toBe(true);
    expect(serialized).not.toContain('xoxb-');
    expect(serialized).not.toContain(testSigningSecret);
  });
});

async function waitForResponse(h: SlackHarness, responseId: string) {
  for (let n = 1; n < 100; n++) {
    const found = (await h.fake.waitFor('response_url', n)).find((c) => c.params.responseId === responseId);
    if (found) return found;
  }
  throw new Error(`no response for ${responseId}`);
}

async function waitForDesign(h: SlackHarness, workspace: string, channel: string) {
  for (let n = 0; n < 100; n++) {
    const [summary] = await h.quorum.stores.designs.listDesigns({ platform: 'slack', workspace, channel });
    if (summary) {
      const design = await h.quorum.stores.designs.getDesign(summary.key);
      // The card is posted after the save; wait for it too.
      if (design && postsIn(h.fake, channel, summary.key.thread).some((p) => shownText(p.params.blocks).includes(design.id))) return design;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no design was saved');
}
