import { afterAll, describe, expect, it } from 'vitest';
import { decodeButtonValue } from '../../src/adapters/slack/action-value.ts';
import { emptyPlan } from '../../src/dialog/plan/plan-record.ts';
import { planAt } from '../../src/dialog/plan/plan-view.ts';
import { postgresUrl, TestSchemas } from '../store/postgres-database.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';
import { shownText } from './block-limits.ts';
import type { RecordedCall } from './fake-slack.ts';
import { controlsOf, postsIn, startHarness, type SlackHarness } from './slack-harness.ts';

const where = { team: 'T-plan', channel: 'C-plan', user: 'U1' };
const thread = '1700000500.000001';
const key = { platform: 'slack', workspace: where.team, channel: where.channel, thread };
const tempDir = useTempDirs('quorum-slack-plan-');

let tick = 0;
async function say(h: SlackHarness, text: string, user = 'U1'): Promise<RecordedCall[]> {
  const since = h.fake.calls.length;
  await h.event(where, { type: 'message', channel: where.channel, channel_type: 'channel', thread_ts: thread, ts: `1700000600.${String(++tick).padStart(6, '0')}`, user, text });
  return h.settle(since);
}

async function click(h: SlackHarness, action: Record<string, unknown>, user = 'U1'): Promise<RecordedCall[]> {
  const since = h.fake.calls.length;
  await h.click({ ...where, user }, action, { messageTs: '1700000700.000001', threadTs: thread });
  return h.settle(since);
}

/** The button of a posted plan whose command is `value`. */
function button(posts: RecordedCall[], value: string): Record<string, unknown> {
  for (const post of posts) {
    const found = controlsOf(post).find((c) => c.type === 'button' && decodeButtonValue(c.value)?.value === value);
    if (found) return { type: 'button', action_id: found.action_id, block_id: 'b', value: found.value };
  }
  throw new Error(`no button for ${value}`);
}

/** The owner picker drawn under the item `id`. */
function ownerPicker(posts: RecordedCall[], id: string, picked: string): Record<string, unknown> {
  for (const post of posts) {
    const found = controlsOf(post).find((c) => c.type === 'users_select' && c.block_id?.endsWith(`|owner ${id}`));
    if (found) return { type: 'users_select', action_id: found.action_id, block_id: found.block_id, selected_user: picked };
  }
  throw new Error(`no owner picker for ${id}`);
}

async function planOf(h: SlackHarness) {
  const design = await h.quorum.stores.designs.getDesign(key);
  return planAt(design!, design!.plan ?? emptyPlan());
}

function cycle(store: () => Promise<string>) {
  return async () => {
    const url = await store();
    let h = await startHarness({ store: url });
    try {
      let since = h.fake.calls.length;
      await h.event(where, { type: 'app_mention', user: 'U1', text: '<@UBOT> set domain financial', ts: thread, channel: where.channel });
      await h.settle(since);
      for (const text of ['set writesPerSec 3000', 'set availability 99.999%', 'set exactlyOnce true', 'set publishesEvents true', 'assess']) await say(h, text);
      const posted = await say(h, 'plan');
      const view = await planOf(h);
      const risks = view.items.filter((i) => i.kind === 'risk');
      const obligation = view.items.find((i) => i.kind === 'obligation')!;
      const shown = [...posted.flatMap((p) => controlsOf(p))];
      expect(shown.some((c) => c.type === 'users_select')).toBe(true);
      const first = risks[0]!;

      // Buttons and pickers on the plan: done, owner (a picked user), accept with a reason typed after, reopen.
      await click(h, ownerPicker(posted, first.id, "U2"), "U3");
      let after = await click(h, button(posted, `ack ${first.id}`), 'U3');
      expect(shownText(after.at(-1)!.params.blocks)).toMatch(/Why is .* accepted/);
      after = await say(h, 'a second region is budgeted for Q3 <!channel>', 'U3');
      let plan = await planOf(h);
      expect(plan.items.find((i) => i.id === first.id)).toMatchObject({ status: 'accepted', owner: { user: 'U2' }, changedBy: 'U3' });
      // The owner is named as a live mention; the broadcast in the reason stays inert.
      const blocksJson = JSON.stringify(after.map((c) => c.params.blocks));
      expect(blocksJson).toContain('<@U2>');
      expect(blocksJson).not.toMatch(/<!channel>|<@U3>/);
      const owned = await say(h, `owner ${obligation.id} @bo`);
      await click(h, button(owned, `done ${obligation.id}`), 'U1');
      expect((await planOf(h)).items.find((i) => i.id === obligation.id)?.status).toBe('done');
      await click(h, button(postsIn(h.fake, where.channel, thread).slice(-3), `reopen ${obligation.id}`), 'U1');
      expect((await planOf(h)).items.find((i) => i.id === obligation.id)?.status).toBe('open');
      await say(h, `done ${obligation.id}`);

      // Restart: the states are still there, and the rest of the cycle continues.
      await h.close();
      h = await startHarness({ store: url });
      plan = await planOf(h);
      expect(plan.items.find((i) => i.id === first.id)).toMatchObject({ status: 'accepted', reason: 'a second region is budgeted for Q3 <!channel>' });
      expect(plan.items.find((i) => i.id === obligation.id)?.status).toBe('done');
      await say(h, 'add P14');
      await say(h, 'drop P14');
      await say(h, 'milestone launch review');
      since = h.fake.calls.length;
      await say(h, 'export csv');
      const [upload] = await h.fake.waitFor('files.completeUploadExternal', h.fake.callsTo('files.completeUploadExternal').length);
      expect(upload).toBeDefined();
      const design = await h.quorum.stores.designs.getDesign(key);
      expect(design?.versions.map((v) => v.cause).slice(-2)).toEqual(['add P14 by U1', 'drop P14 by U1']);
      expect(design?.plan?.milestones.map((m) => [m.name, m.version])).toEqual([['launch review', design!.versions.length]]);
      const history = await say(h, 'history');
      expect(shownText(history.at(-1)!.params.blocks)).toContain('"launch review"');
      expect(h.logs).toEqual([]);
    } finally {
      await h.close();
    }
  };
}

describe('the plan on Slack (real Bolt against the fake Slack)', () => {
  it('runs the whole cycle with buttons and the owner picker on the file store, across a restart', cycle(async () => `file:${await tempDir()}`), 120_000);
  if (postgresUrl) {
    const schemas = new TestSchemas(postgresUrl);
    afterAll(() => schemas.dropAll());
    it('runs the same on Postgres', cycle(() => schemas.create()), 120_000);
  }
});
