import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/dialog/core.ts';
import type { Reply } from '../../src/dialog/reply.ts';
import type { Turn } from '../../src/dialog/turn.ts';
import type { DesignStore, ThreadKey } from '../../src/dialog/ports/design-store.ts';
import { makeCore } from '../helpers/dialog-harness.ts';
import { shownText } from '../slack/block-limits.ts';
import { startHarness, type SlackHarness } from '../slack/slack-harness.ts';

const owner = { platform: 'slack', workspace: 'T-OWNER', channel: 'C1', thread: '1700000000.000100' } as const;

/** Builds the owner's design: two saved versions with figures and a title nobody else may see. */
async function buildSecretDesign(core: Core, at: Omit<Turn, 'user' | 'text'>): Promise<string> {
  const replies: Reply[] = [];
  for (const text of ['set writesPerSec 12345', 'name Secret Alpha Ledger', 'set availability 99.99%', 'assess', 'set writesPerSec 54321']) {
    replies.push(...((await core.handle({ ...at, user: 'U-OWNER', text })).replies));
  }
  const id = replies.find((r) => r.design)?.design?.id;
  if (!id) throw new Error('the owner design was not saved');
  return id;
}

/** Every trace of the owner's design that must never reach another workspace (bar what the asker typed). */
function leaksIn(text: string, designId: string, asked = ''): string[] {
  return ['Secret Alpha', '12,345', '12345', '54,321', '54321', designId, 'U-OWNER'].filter((secret) => text.includes(secret) && !asked.includes(secret));
}

function replyText(replies: Reply[]): string {
  return JSON.stringify(replies);
}

// Every chat command, with arguments that would reach the owner's design if keys were mixed up.
const probes = (designId: string): string[] => [
  'show',
  'show design',
  `show ${designId}`,
  'history',
  'diff 1 2',
  'diff',
  'designs',
  'export',
  `export ${designId}`,
  'why P1',
  'why HighAvailability',
  'why not P5',
  'assess',
  'lookup Secret Alpha Ledger',
  'what is Secret Alpha Ledger?',
  'set writesPerSec 1',
  'name Intruder',
  'delete',
  'yes',
  'design',
  'back',
  'restart',
  'cancel',
];

describe('isolation between workspaces and guilds in the core', () => {
  let core: Core;
  let store: DesignStore;
  let designId: string;
  const bugs: unknown[] = [];

  beforeAll(async () => {
    ({ core, store } = await makeCore({ errors: bugs }));
    designId = await buildSecretDesign(core, owner);
  });

  it('shows the owner their own design (so the probes below could see a leak)', async () => {
    const text = replyText([...((await core.handle({ ...owner, user: 'U-OWNER', text: 'show' })).replies), ...((await core.handle({ ...owner, user: 'U-OWNER', text: 'designs' })).replies)]);
    expect(leaksIn(text, designId)).toEqual(expect.arrayContaining(['Secret Alpha', designId]));
  });

  const strangers: Array<[string, ThreadKey & { platform: Turn['platform'] }]> = [
    ['another Slack workspace with the same channel and thread ids', { ...owner, workspace: 'T-OTHER' }],
    ['a Discord guild whose ids happen to equal the Slack ones', { ...owner, platform: 'discord' }],
    ['another Discord guild', { platform: 'discord', workspace: 'G-OTHER', channel: 'C1', thread: '1700000000.000100' }],
  ];

  for (const [who, place] of strangers) {
    it(`reveals nothing of the design to ${who}, through any command or click`, async () => {
      for (const text of probes(designId)) {
        const replies = (await core.handle({ ...place, user: 'U-STRANGER', text })).replies;
        expect(leaksIn(replyText(replies), designId, text), `"${text}"`).toEqual([]);
      }
      for (const value of ['show', 'export', 'history', 'diff 1 2', 'assess', `show ${designId}`]) {
        const replies = (await core.handle({ ...place, user: 'U-STRANGER', action: { value, version: 2 } })).replies;
        expect(leaksIn(replyText(replies), designId, value), `click "${value}"`).toEqual([]);
      }
      expect(bugs).toEqual([]);
    });
  }

  it('leaves the owner design untouched after every stranger set, rename and delete', async () => {
    const design = await store.getDesign(owner);
    expect(design?.title).toBe('Secret Alpha Ledger');
    expect(design?.versions.map((v) => v.requirements.writesPerSec)).toEqual([12345, 54321]);
    expect((await store.listDesigns({ platform: 'slack', workspace: 'T-OTHER', channel: 'C1' })).every((d) => d.id !== designId)).toBe(true);
  });
});

describe('isolation between Slack workspaces through the adapter', () => {
  let h: SlackHarness;
  let designId: string;
  const stranger = { team: 'T-STRANGER', channel: 'C1', user: 'U-STRANGER' };

  beforeAll(async () => {
    h = await startHarness();
    designId = await buildSecretDesign(h.quorum.core, owner);
  });
  afterAll(() => h.close());

  async function answerTo(result: { responseId: string }): Promise<string> {
    const mine = () => h.fake.callsTo('response_url').filter((c) => c.params.responseId === result.responseId);
    for (let seen = h.fake.callsTo('response_url').length; mine().length === 0; seen += 1) await h.fake.waitFor('response_url', seen + 1);
    return shownText(mine().map((c) => c.params));
  }

  it('lists the owner design to the owner workspace with /quorum designs', async () => {
    const sent = await h.command({ team: owner.workspace, channel: owner.channel, user: 'U-OWNER' }, 'designs');
    expect(sent.status).toBe(200);
    expect(await answerTo(sent)).toContain('Secret Alpha');
  });

  it('lists nothing of it to another workspace with /quorum designs in a channel with the same id', async () => {
    const sent = await h.command(stranger, 'designs');
    expect(sent.status).toBe(200);
    const shown = await answerTo(sent);
    expect(shown.length).toBeGreaterThan(20);
    expect(leaksIn(shown, designId)).toEqual([]);
  });

  it('shows nothing of it when another workspace says "show" in a thread with the same ts', async () => {
    const since = h.fake.calls.length;
    await h.event({ team: stranger.team }, { type: 'app_mention', user: stranger.user, text: '<@UBOT> show', ts: '1700000000.000200', thread_ts: owner.thread, channel: owner.channel });
    const calls = await h.settle(since);
    const posted = calls.filter((c) => c.method === 'chat.postMessage' || c.method === 'chat.postEphemeral');
    expect(posted.length).toBeGreaterThan(0);
    expect(leaksIn(shownText(posted.map((c) => c.params)), designId)).toEqual([]);
  });
});
