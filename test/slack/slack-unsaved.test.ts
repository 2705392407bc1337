import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingPostgresMessage, postgresUrl, TestSchemas } from '../store/postgres-database.ts';
import { shownText } from './block-limits.ts';
import { postsIn, startHarness, type SlackHarness } from './slack-harness.ts';
import { newEventId } from './slack-requests.ts';
import { allowWrites, refuseWrites } from '../helpers/refused-writes.ts';

const channel = 'C-unsaved';
const thread = '1700000900.000001';
let ts = 1700000900_000002;

/** Waits (up to 20 s) until `done` holds: replies come after Bolt's ack, not with it. */
async function until(done: () => boolean | Promise<boolean>): Promise<void> {
  for (const deadline = Date.now() + 20_000; !(await done()); ) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the Slack app');
    await new Promise((r) => setTimeout(r, 20));
  }
}

if (!postgresUrl) {
  describe('the Slack app when the store cannot write', () => {
    it.skip(`runs against a real database (skipped: ${missingPostgresMessage})`, () => undefined);
  });
} else {
  describe('the Slack app when the store cannot write', () => {
    const schemas = new TestSchemas(postgresUrl!);
    let h: SlackHarness;

    /** Mentions Quorum in the thread; resolves with what it posted back there. */
    const ask = async (text: string, options: { eventId?: string; retry?: boolean } = {}) => {
      const since = h.fake.calls.length;
      const before = postsIn(h.fake, channel, thread).length;
      const event = { type: 'app_mention', user: 'U1', text: `<@UBOT> ${text}`, ts: `${Math.floor(ts / 1e6)}.${String(ts++ % 1e6).padStart(6, '0')}`, thread_ts: thread, channel };
      await h.event({ team: 'T1' }, event, {
        eventId: options.eventId ?? newEventId(),
        ...(options.retry && { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } }),
      });
      await until(() => postsIn(h.fake, channel, thread).length > before);
      await h.settle(since);
      return postsIn(h.fake, channel, thread).slice(before).map((c) => shownText(c.params.blocks) || String(c.params.text)).join('\n');
    };
    const latestWrites = async () => {
      const { rows } = await schemas.sql('SELECT v.requirements FROM design_versions v ORDER BY v.version');
      return rows.map((r) => (r.requirements as { writesPerSec?: number }).writesPerSec);
    };

    beforeAll(async () => {
      h = await startHarness({ store: await schemas.create() });
      await ask('set writesPerSec 10');
      await until(async () => (await schemas.sql('SELECT 1 FROM sessions')).rowCount === 1);
      await ask('assess');
      await until(async () => (await latestWrites()).length === 1);
    });
    afterAll(async () => {
      await h?.close();
      await schemas.dropAll();
    });

    it('still answers show, history, designs and lookups in the thread while writes fail', async () => {
      await schemas.sql(refuseWrites);
      try {
        for (const command of ['show', 'history', 'designs', 'lookup cap']) {
          const said = await ask(command);
          expect({ command, said }).toMatchObject({ command, said: expect.stringMatching(/\S/) });
          expect({ command, said }).not.toMatchObject({ said: expect.stringMatching(/couldn't|can't read|went wrong/i) });
        }
      } finally {
        await schemas.sql(allowWrites);
      }
    });

    it("answers a change it cannot save with \"I couldn't save that; nothing changed\", then handles Slack's retry of that event", async () => {
      await schemas.sql(refuseWrites);
      const eventId = newEventId();
      let refused: string;
      try {
        refused = await ask('set writesPerSec 20', { eventId });
      } finally {
        await schemas.sql(allowWrites);
      }
      expect(refused).toMatch(/I couldn't save that; nothing changed — try again/);
      expect(refused).not.toMatch(/No space|53100|postgres/i);
      expect(await latestWrites()).toEqual([10]);
      // The claim was given back, so Slack's redelivery of the same event is handled, now that writes work.
      const retried = await ask('set writesPerSec 20', { eventId, retry: true });
      expect(retried).toMatch(/v1 → v2/);
      expect(await latestWrites()).toEqual([10, 20]);
    });
  });
}
