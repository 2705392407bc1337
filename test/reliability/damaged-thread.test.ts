import { appendFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/dialog/core.ts';
import type { Turn } from '../../src/dialog/turn.ts';
import { openStore } from '../../src/store/open-store.ts';
import { threadFilePath, versionsFilePath } from '../../src/store/file/store-paths.ts';
import { makeCore } from '../helpers/dialog-harness.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';
import { said, type Place } from '../helpers/turns.ts';

const tempDir = useTempDirs('quorum-damaged-');

const damaged: Place = { platform: 'slack', workspace: 'T1', channel: 'C1', thread: 'broken' };
const neighbour: Place = { ...damaged, thread: 'neighbour' };
const elsewhere: Place = { ...damaged, channel: 'C2', thread: 'other' };

async function saveDesign(core: Core, place: Place, name: string): Promise<string> {
  const replies = [];
  for (const text of [`name ${name}`, 'set writesPerSec 2k', 'assess']) replies.push(...(await core.handle(said(text, 'alice', place))).replies);
  const id = replies.find((r) => r.design)?.design?.id;
  if (!id) throw new Error(`no design was saved in ${place.thread}`);
  return id;
}

const textOf = (result: { replies: Array<{ text: string }> }) => result.replies.map((r) => r.text).join('\n');

for (const [what, damage] of [
  ['thread document is not JSON', (dir: string) => writeFile(threadFilePath(dir, damaged as Required<Place> & Turn), '{"schemaVersion": 1, "design": {')],
  ['version log lost a line', async (dir: string, id: string) => {
    const log = versionsFilePath(threadFilePath(dir, damaged as Required<Place> & Turn), id);
    await writeFile(log, '\n{"version":2,"requirements":{},"assessment":{},"answeredBy":{},"savedBy":"x","savedAt":"x","cause":"x"}');
    await appendFile(log, '\n{"version":3}');
  }],
] as const) {
  describe(`a damaged thread on a real file store (${what})`, () => {
    it('answers that thread with a calm note and no path, still answers its lookups, and leaves every other thread working', async () => {
      const dir = await tempDir();
      const first = await openStore(`file:${dir}`);
      const { core: setup } = await makeCore({ store: first.designs });
      const brokenId = await saveDesign(setup, damaged, 'Broken ledger');
      const neighbourId = await saveDesign(setup, neighbour, 'Neighbour feed');
      await saveDesign(setup, elsewhere, 'Elsewhere cache');
      await first.close();
      await damage(dir, brokenId);

      const store = await openStore(`file:${dir}`);
      const errors: unknown[] = [];
      const { core } = await makeCore({ store: store.designs, errors });
      try {
        for (const text of ['show', 'set writesPerSec 5k', 'design']) {
          const reply = textOf(await core.handle(said(text, 'bob', damaged)));
          expect(reply).toMatch(/can't read saved designs right now; nothing was lost/);
          expect(reply).not.toContain(dir);
          expect(reply).not.toMatch(/\.jsonl?\b|move it aside|StoreCorrupt/);
        }
        const logged = errors.find((err) => err instanceof Error && err.message.includes(dir));
        expect(logged).toMatchObject({ code: 'store_corrupt' });
        expect(textOf(await core.handle(said('what is CAP?', 'bob', damaged)))).toMatch(/CAP/);
        expect(textOf(await core.handle(said('lookup outbox', 'bob', damaged)))).toMatch(/[Oo]utbox/);

        // The same channel's other thread: read, changed (a new version) and listed.
        expect(textOf(await core.handle(said('show', 'bob', neighbour)))).toContain('Neighbour feed');
        const changed = await core.handle(said('set writesPerSec 5k', 'bob', neighbour));
        expect(changed.replies.find((r) => r.design)?.design).toEqual({ id: neighbourId, version: 2 });
        const listed = textOf(await core.handle(said('designs', 'bob', neighbour)));
        expect(listed).toContain('Neighbour feed');
        expect(listed).not.toContain(dir);
        // A new thread in the same channel, and another channel.
        expect((await saveDesign(core, { ...damaged, thread: 'fresh' }, 'Fresh start'))).toMatch(/^d-/);
        expect(textOf(await core.handle(said('show', 'bob', elsewhere)))).toContain('Elsewhere cache');
      } finally {
        await store.close();
      }
    });
  });
}
