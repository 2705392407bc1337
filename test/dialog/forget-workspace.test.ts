import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import { makeCore } from '../helpers/dialog-harness.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';
import { said, type Place } from '../helpers/turns.ts';
import { sampleVersion } from '../store/sample-version.ts';

const tempDir = useTempDirs('quorum-forget-');
const local: Place = { platform: 'terminal', workspace: 'local', channel: 'terminal', thread: 'terminal' };
const textOf = (result: { replies: Array<{ text: string }> }) => result.replies.map((r) => r.text).join('\n');

describe('forget-workspace in the terminal (real file store)', () => {
  it('says what it will delete, deletes only after the typed confirmation, and leaves other workspaces alone', async () => {
    const stores = await openStore(`file:${await tempDir()}`);
    try {
      const { core } = await makeCore({ store: stores.designs });
      const other = { platform: 'slack', workspace: 'T1', channel: 'C1', thread: 't' };
      await stores.designs.saveVersion(other, 0, sampleVersion('U1'), 'Kept elsewhere');
      for (const thread of ['a', 'b']) await stores.designs.saveVersion({ platform: 'terminal', workspace: 'local', channel: 'terminal', thread }, 0, sampleVersion('me'));
      const admin = (text: string) => core.handle({ ...said(text, 'terminal-user', local), admin: true });

      expect(textOf(await core.handle(said('forget-workspace', 'terminal-user', local)))).toMatch(/Only an admin/);
      expect(textOf(await admin('forget-workspace confirm'))).toMatch(/nothing was deleted/i);
      expect(textOf(await admin('forget-workspace'))).toMatch(/deletes 2 designs and the conversations of 2 threads/);
      expect(await stores.designs.workspaceContents('terminal', 'local')).toMatchObject({ designs: 2 });
      expect(textOf(await admin('forget-workspace cancel'))).toMatch(/nothing was deleted/);
      expect(textOf(await admin('forget-workspace confirm'))).toMatch(/nothing was deleted/i);
      expect(textOf(await admin('forget-workspace'))).toMatch(/deletes 2 designs/);
      expect(textOf(await admin('forget-workspace confirm'))).toMatch(/Forgot this workspace: deleted 2 designs/);
      expect(await stores.designs.workspaceContents('terminal', 'local')).toEqual({ designs: 0, threads: 0 });
      expect((await stores.designs.getDesign(other))?.title).toBe('Kept elsewhere');
      expect(textOf(await admin('forget-workspace confirm'))).toMatch(/nothing was deleted/i);
    } finally {
      await stores.close();
    }
  });
});
