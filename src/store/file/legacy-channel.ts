import { mkdir, unlink } from 'node:fs/promises';
import { Low } from 'lowdb';
import type { ChannelKey, DesignVersion, ThreadKey, WorkspaceContents } from '../../dialog/ports/design-store.ts';
import { CompactJsonFile } from './compact-json-file.ts';
import { exists, openJsonStoreFile } from './json-store-file.ts';
import { StoreCorruptError } from './store-corrupt-error.ts';
import { ChannelFileData, storeSchemaVersion } from '../shared/stored-schema.ts';
import type { ThreadFileData } from '../shared/stored-schema.ts';
import { channelDirPath, legacyChannelFilePath, threadFilePath, versionsFilePath } from './store-paths.ts';
import { writeVersions } from './thread-file.ts';

/**
 * Moves a channel kept in the older layout (one lowdb file holding every thread of the channel,
 * rewritten whole on each save) into thread files, so an upgrade loses nothing. Every thread's files
 * are written (each atomically) before the old file is removed, so a crash midway leaves the old
 * file, and the next open migrates again from it, writing the same files. A damaged old file throws
 * StoreCorruptError and is left as it is. Returns whether there was anything to migrate.
 */
export async function migrateLegacyChannel(root: string, key: ChannelKey): Promise<boolean> {
  const legacy = legacyChannelFilePath(root, key);
  if (!(await exists(legacy))) return false;
  const { low } = await openJsonStoreFile(legacy, ChannelFileData, () => ({ schemaVersion: storeSchemaVersion, key, designs: [], sessions: [] }));
  const stored = low.data.key;
  if (stored.platform !== key.platform || stored.workspace !== key.workspace || stored.channel !== key.channel) {
    throw new StoreCorruptError(legacy, `belongs to channel ${JSON.stringify(stored)}, not ${JSON.stringify(key)}`);
  }
  const threads = new Map<string, ThreadFileData>();
  const threadOf = (thread: string): ThreadFileData => {
    const threadKey: ThreadKey = { platform: key.platform, workspace: key.workspace, channel: key.channel, thread };
    const data = threads.get(thread) ?? { schemaVersion: storeSchemaVersion, key: threadKey };
    threads.set(thread, data);
    return data;
  };
  await mkdir(channelDirPath(root, key), { recursive: true });
  for (const { versions, ...design } of low.data.designs) {
    const file = threadFilePath(root, { ...key, thread: design.key.thread });
    await writeVersions(versionsFilePath(file, design.id), versions as unknown as DesignVersion[]);
    threadOf(design.key.thread).design = design;
  }
  for (const { thread, ...session } of low.data.sessions) threadOf(thread).session = session;
  for (const [thread, data] of threads) {
    const document = new Low(new CompactJsonFile<ThreadFileData>(threadFilePath(root, { ...key, thread })), data);
    await document.write();
  }
  await unlink(legacy);
  return true;
}

/** What a channel file of the older layout holds (for a workspace's count before it is deleted); throws StoreCorruptError for a damaged one. */
export async function legacyChannelContents(file: string): Promise<WorkspaceContents> {
  const { low } = await openJsonStoreFile(file, ChannelFileData, () => ({ schemaVersion: storeSchemaVersion, key: { platform: '', workspace: '', channel: '' }, designs: [], sessions: [] }));
  const threads = new Set([...low.data.designs.map((d) => d.key.thread), ...low.data.sessions.map((s) => s.thread)]);
  return { designs: low.data.designs.length, threads: threads.size };
}
