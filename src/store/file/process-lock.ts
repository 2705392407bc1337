import { mkdir, open, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../../errors.ts';

/** The file in a store directory that names the one process using it. */
export const lockFileName = 'quorum.lock';

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

/** Whether the process `pid` runs on this machine (signal 0 tests without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user, which is still a live owner.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function owner(file: string): Promise<LockOwner | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<LockOwner>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? { pid: parsed.pid, host: parsed.host, startedAt: String(parsed.startedAt) } : undefined;
  } catch {
    return undefined;
  }
}

// Stores of this process by directory: one process may open its own directory more than once (tests
// do), and the lock goes only when the last of them closes.
const held = new Map<string, number>();

/**
 * Takes the store directory for this process, or refuses with a UserError naming the directory
 * when another live process holds it: two writers on one file store lose saves. A lock left by a
 * process that died is taken over. Returns the release function.
 */
export async function lockStoreDirectory(directory: string): Promise<() => Promise<void>> {
  const file = path.join(directory, lockFileName);
  const release = async () => {
    const count = (held.get(directory) ?? 1) - 1;
    if (count > 0) return void held.set(directory, count);
    held.delete(directory);
    const current = await owner(file);
    if (current?.pid === process.pid && current.host === os.hostname()) await rm(file, { force: true });
  };
  if (held.has(directory)) {
    held.set(directory, held.get(directory)! + 1);
    return release;
  }
  await mkdir(directory, { recursive: true });
  const me: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o600);
      await handle.writeFile(JSON.stringify(me));
      await handle.close();
      held.set(directory, 1);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const current = await owner(file);
    const elsewhere = current !== undefined && current.host !== os.hostname();
    if (current && (elsewhere || alive(current.pid)) && current.pid !== process.pid) {
      throw new UserError(
        'store_locked',
        `The file store in ${directory} is already used by another Quorum process (pid ${current.pid} on ${current.host}, since ${current.startedAt}). A file: store belongs to one process; to run several, use QUORUM_STORE=postgres://… instead.`,
        { hint: 'Stop the other process, or run several instances on one database with QUORUM_STORE=postgres://…' },
      );
    }
    // Its owner is gone (or the file is unreadable): take it over.
    await rm(file, { force: true });
  }
  throw new UserError('store_locked', `Could not take the lock file ${file} of the file store in ${directory}.`, {
    hint: 'Remove the lock file if no Quorum process uses that directory, or use QUORUM_STORE=postgres://…',
  });
}
