import { execFile, spawn } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openFileStore } from '../../src/store/file/open-file-store.ts';
import { lockFileName } from '../../src/store/file/process-lock.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';

const tempDir = useTempDirs('quorum-lock-');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A live process that is not this one: its pid stands for another Quorum holding the store. */
function otherProcess() {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  return { pid: child.pid!, stop: () => child.kill('SIGKILL') };
}

describe('one process per file store', () => {
  it('refuses a store directory that another live process holds, naming the directory and postgres://', async () => {
    const dir = await tempDir();
    const other = otherProcess();
    try {
      await writeFile(path.join(dir, lockFileName), JSON.stringify({ pid: other.pid, host: os.hostname(), startedAt: '2026-01-01T00:00:00Z' }));
      await expect(openFileStore(dir)).rejects.toMatchObject({ code: 'store_locked', message: expect.stringContaining(dir), hint: expect.stringContaining('postgres://') });
    } finally {
      other.stop();
    }
  });

  it('takes over the lock of a process that died, and removes it on close', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, lockFileName), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), startedAt: '2026-01-01T00:00:00Z' }));
    const store = await openFileStore(dir);
    expect(JSON.parse(await readFile(path.join(dir, lockFileName), 'utf8')).pid).toBe(process.pid);
    expect((await stat(path.join(dir, lockFileName))).mode & 0o777).toBe(0o600);
    await store.close();
    await expect(stat(path.join(dir, lockFileName))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a second real process on the same directory exits non-zero with a message naming the directory', async () => {
    const dir = await tempDir();
    const store = await openFileStore(dir);
    try {
      const script = `import { openFileStore } from ${JSON.stringify(path.join(root, 'src/store/file/open-file-store.ts'))};
        try { await openFileStore(${JSON.stringify(dir)}); process.exit(0); } catch (err) { console.error(err.message, err.hint); process.exit(3); }`;
      const run = promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root });
      const failed = await run.then(() => undefined, (err: { code: number; stderr: string }) => err);
      expect(failed?.code).toBe(3);
      expect(failed?.stderr).toContain(dir);
      expect(failed?.stderr).toContain('postgres://');
    } finally {
      await store.close();
    }
  });
});
