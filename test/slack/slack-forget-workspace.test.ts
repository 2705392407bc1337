import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadKey } from '../../src/dialog/ports/design-store.ts';
import { sampleVersion } from '../store/sample-version.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';
import { shownText } from './block-limits.ts';
import type { RecordedCall } from './fake-slack.ts';
import { controlsOf, startHarness, type SlackHarness } from './slack-harness.ts';

const tempDir = useTempDirs('quorum-forget-slack-');

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string): Promise<T> {
  for (let n = 0; n < 400; n++) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const thread = (workspace: string, channel: string, id: string): ThreadKey => ({ platform: 'slack', workspace, channel, thread: id });
const doomed = [thread('T1', 'C1', '1700000001.000100'), thread('T1', 'C2', '1700000002.000100')];
const kept = thread('T2', 'C1', '1700000003.000100');
const uninstalled = thread('T3', 'C1', '1700000004.000100');

describe('forget-workspace on Slack (real Bolt, file store, loopback fake)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startHarness({ store: `file:${await tempDir()}` });
    const designs = h.quorum.stores.designs;
    for (const key of [...doomed, kept, uninstalled]) await designs.saveVersion(key, 0, sampleVersion('U1'), `Design in ${key.workspace}`);
    await designs.putSession(thread('T1', 'C3', '1700000005.000100'), 0, { schemaVersion: 1 });
    h.fake.setUser('U-ADMIN', { is_admin: true });
    h.fake.setUser('U-OWNER', { is_owner: true });
  });
  afterAll(() => h.close());

  const answerTo = async (responseId: string): Promise<RecordedCall> =>
    until(() => h.fake.callsTo('response_url').find((c) => c.params.responseId === responseId), `the answer to ${responseId}`);
  const textOf = (call: RecordedCall) => `${shownText(call.params.blocks)}\n${String(call.params.text ?? '')}`;
  const confirmButton = (call: RecordedCall) => controlsOf(call).find((c) => /^Yes, forget/.test(c.text?.text ?? ''))!;

  it('refuses a member who is not an admin, deletes only after the admin confirms, and ignores foreign or stale clicks', async () => {
    const member = await h.command({ team: 'T1', channel: 'C1', user: 'U-MEMBER' }, 'forget-workspace');
    expect(textOf(await answerTo(member.responseId))).toMatch(/Only an admin of this workspace/);
    expect(h.fake.callsTo('users.info').map((c) => c.params.user)).toContain('U-MEMBER');

    const asked = await h.command({ team: 'T1', channel: 'C1', user: 'U-ADMIN' }, 'forget-workspace');
    const question = await answerTo(asked.responseId);
    expect(textOf(question)).toMatch(/deletes 2 designs and the conversations of 3 threads/);
    expect(await h.quorum.stores.designs.getDesign(doomed[0]!)).toBeDefined();
    const button = confirmButton(question);
    const click = (user: string) => h.click({ team: 'T1', channel: 'C1', user }, { type: 'button', action_id: button.action_id, block_id: 'b', value: button.value }, { messageTs: '1.1', ephemeral: true });

    // Another admin's click on this admin's question, and a member's: nothing is deleted.
    for (const user of ['U-OWNER', 'U-MEMBER']) {
      const foreign = await click(user);
      expect(textOf(await answerTo(foreign.responseId))).toMatch(/nothing was deleted/i);
      expect(await h.quorum.stores.designs.getDesign(doomed[1]!)).toBeDefined();
    }

    const confirmed = await click('U-ADMIN');
    expect(textOf(await answerTo(confirmed.responseId))).toMatch(/Forgot this workspace: deleted 2 designs and the conversations of [3-9] threads/);
    for (const key of doomed) expect(await h.quorum.stores.designs.getDesign(key)).toBeUndefined();
    expect(await h.quorum.stores.designs.workspaceContents('slack', 'T1')).toEqual({ designs: 0, threads: 0 });
    expect((await h.quorum.stores.designs.getDesign(kept))?.title).toBe('Design in T2');

    // The same button again is stale: the workspace stays as it is (here: empty, with nothing new saved).
    const again = await click('U-ADMIN');
    expect(textOf(await answerTo(again.responseId))).toMatch(/That button belongs to an earlier|nothing was deleted/i);
    expect((await h.quorum.stores.designs.getDesign(kept))?.versions).toHaveLength(1);
  });

  it('deletes the designs and sessions of a workspace that uninstalls the app, and no other', async () => {
    await h.event({ team: 'T3' }, { type: 'app_uninstalled' });
    await until(async () => ((await h.quorum.stores.designs.getDesign(uninstalled)) ? undefined : true), 'the uninstalled workspace forgotten');
    expect((await h.quorum.stores.designs.getDesign(kept))?.title).toBe('Design in T2');
    // A revoked user token alone keeps the designs.
    await h.event({ team: 'T2' }, { type: 'tokens_revoked', tokens: { oauth: ['U1'] } });
    await h.event({ team: 'T2' }, { type: 'app_mention', user: 'U1', text: '<@UBOT> help', ts: '1700000009.000100', channel: 'C9' });
    await until(() => (h.fake.callsTo('chat.postMessage').some((c) => c.params.channel === 'C9') ? true : undefined), 'a later event answered');
    expect((await h.quorum.stores.designs.getDesign(kept))?.title).toBe('Design in T2');
    await h.event({ team: 'T2' }, { type: 'tokens_revoked', tokens: { bot: ['UBOT'] } });
    await until(async () => ((await h.quorum.stores.designs.getDesign(kept)) ? undefined : true), 'the revoked workspace forgotten');
  });
});
