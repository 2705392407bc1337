import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHealth } from '../../src/health.ts';
import { openFileStore } from '../../src/store/file/open-file-store.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';

const tempDir = useTempDirs('quorum-unwritable-');

describe('health of a store that cannot write', () => {
  it('answers 503 "unwritable" when the file store can read but not write, and 200 while it can', async () => {
    const dir = await tempDir();
    const store = await openFileStore(dir);
    try {
      expect(await checkHealth(store.designs)).toEqual({ status: 200, body: { ok: true, store: 'ok' } });
      // The folder every write needs is replaced by a plain file: each write now fails as on a
      // read-only disk (chmod cannot show that here: tests may run as root, which ignores modes).
      await rm(path.join(dir, '_system'), { recursive: true, force: true });
      await writeFile(path.join(dir, '_system'), 'not a folder');
      expect(await checkHealth(store.designs)).toEqual({ status: 503, body: { ok: false, store: 'unwritable' } });
    } finally {
      await store.close();
    }
  });
});
