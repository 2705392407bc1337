import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadKey } from '../../src/dialog/ports/design-store.ts';
import { missingPostgresMessage, postgresUrl, TestSchemas } from '../store/postgres-database.ts';
import { alice, callbackOf, settle, slash, startHarness, type Harness } from './bot-harness.ts';
import { snowflake } from './fake-discord.ts';
import { refuseWrites } from '../helpers/refused-writes.ts';

if (!postgresUrl) {
  describe('the Discord bot when the store cannot write', () => {
    it.skip(`runs against a real database (skipped: ${missingPostgresMessage})`, () => undefined);
  });
} else {
  describe('the Discord bot when the store cannot write', () => {
    const schemas = new TestSchemas(postgresUrl!);
    let h: Harness;
    let threadId = '';
    let key: ThreadKey;

    /** `/design assess requirements:<words>` in the thread. */
    const assess = (words: string) => h.fake.interact({
      ...h.fake.base(2, alice, { threadId }),
      data: { id: snowflake(), name: 'design', type: 1, options: [{ name: 'assess', type: 1, options: [{ name: 'requirements', type: 3, value: words }] }] },
    });
    /** Everything the bot sent or edited in answer to `interaction`, as one string. */
    const answerTo = async (interaction: { token: string }) => {
      const from = h.fake.calls.length;
      await callbackOf(h.fake, interaction);
      await h.fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(interaction.token));
      await settle(h.fake, 100);
      return JSON.stringify(h.fake.calls.slice(from - 1).filter((c) => c.method !== 'GET').map((c) => c.body));
    };

    beforeAll(async () => {
      h = await startHarness({ store: await schemas.create() });
      const start = slash(h.fake, alice, 'design', { sub: 'start' });
      const created = await h.fake.waitFor((c) => c.method === 'POST' && /\/channels\/\d+\/threads$/.test(c.path));
      threadId = created.response.id as string;
      await callbackOf(h.fake, start);
      await settle(h.fake);
      key = { platform: 'discord', workspace: h.fake.guilds[0]!.id, channel: h.fake.guilds[0]!.channelId, thread: threadId };
      await answerTo(assess('a payments ledger, about 3k writes a second, four nines'));
      for (let n = 0; n < 500 && !(await h.quorum.stores.designs.getDesign(key)); n++) await new Promise((r) => setTimeout(r, 20));
      expect((await h.quorum.stores.designs.getDesign(key))?.versions).toHaveLength(1);
      await schemas.sql(refuseWrites);
    });
    afterAll(async () => {
      await h?.stop();
      await schemas.dropAll();
    });

    it('still answers /design show, history and list and /lookup in a thread with a design while writes fail', async () => {
      for (const sub of ['show', 'history', 'list']) {
        const said = await answerTo(slash(h.fake, alice, 'design', { sub }, { threadId }));
        expect({ sub, said }).toMatchObject({ sub, said: expect.stringMatching(/ledger|version|v1/i) });
        expect({ sub, said }).not.toMatchObject({ said: expect.stringMatching(/couldn't|can't read|went wrong/i) });
      }
      const looked = await answerTo(slash(h.fake, alice, 'lookup', { query: 'cap theorem' }, { threadId }));
      expect(looked).toMatch(/CAP/);
      expect(looked).not.toMatch(/couldn't|can't read|went wrong/i);
    });

    it("edits the deferred answer of a change it cannot save to \"I couldn't save that; nothing changed — try again\"", async () => {
      const said = await answerTo(assess('a payments ledger, about 9k writes a second, five nines'));
      expect(said).toMatch(/I couldn't save that; nothing changed — try again/);
      expect(said).not.toMatch(/No space|53100|postgres/i);
      expect((await h.quorum.stores.designs.getDesign(key))?.versions).toHaveLength(1);
    });
  });
}
