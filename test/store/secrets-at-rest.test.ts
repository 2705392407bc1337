import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileStore } from '../../src/store/file/open-file-store.ts';
import { systemFilePath } from '../../src/store/file/store-paths.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';

const tempDir = useTempDirs('quorum-secrets-');

describe('Slack tokens at rest in the file store', () => {
  it('keeps the installations file readable by its owner only (0600, in a 0700 folder)', async () => {
    const dir = await tempDir();
    const store = await openFileStore(dir);
    try {
      await store.installations.save('T1', { bot: { token: 'xoxb-secret-token' } });
      await store.installations.save('T2', { bot: { token: 'xoxb-other-token' } });
      const file = systemFilePath(dir, 'installations');
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
      // No temp file of the atomic write is left behind with wider rights.
      for (const name of (await readdir(path.dirname(file))).filter((n) => n.includes('installations'))) expect((await stat(path.join(path.dirname(file), name))).mode & 0o077).toBe(0);
    } finally {
      await store.close();
    }
  });
});
