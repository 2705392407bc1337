import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/**
 * Returns a maker of fresh directories under the OS temp folder (named `<prefix>…`), each removed
 * after the test that made it. Call once at the top of a test file.
 */
export function useTempDirs(prefix: string): () => Promise<string> {
  const directories: string[] = [];
  afterEach(async () => {
    await Promise.all(directories.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    directories.push(dir);
    return dir;
  };
}
