import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isOperatorFault, isUserError } from '../../errors.ts';
import { appendVersion, copyDesign, copyJson, newestFirst, renameDesign, summarize, writePlan, writeSession } from '../shared/channel-state.ts';
import { newDesignId } from '../shared/design-id.ts';
import { StaleWriteError } from '../../dialog/ports/design-store.ts';
import type { ChannelKey, DesignStore, DesignSummary, ThreadKey, WorkspaceContents } from '../../dialog/ports/design-store.ts';
import { appendIndexLine, readIndexLines } from './index-log.ts';
import { KeyedMutex } from './keyed-mutex.ts';
import { legacyChannelContents, migrateLegacyChannel } from './legacy-channel.ts';
import { LruCache } from './lru-cache.ts';
import { StoreCorruptError } from './store-corrupt-error.ts';
import { channelDirPath, isThreadFileName, legacyChannelFilePath, threadFilePath, userIndexPath, workspaceDir } from './store-paths.ts';
import { openThreadFile } from './thread-file.ts';
import type { ThreadFile, WorkspaceKey } from './thread-file.ts';
import { WorkspaceGate } from './workspace-gate.ts';

/** Tuning for the lowdb store: how much of the thread files stays loaded, and the clock for timestamps. */
export interface LowdbStoreOptions {
  /** Threads kept in memory at once (least recently used are dropped). Default 1024. */
  maxOpenFiles?: number;
  /** Total size (characters of JSON) of the thread files kept in memory. Default 16 MiB. */
  maxOpenBytes?: number;
  now?: () => Date;
}

/** Default bound of the open-file cache: its loaded objects take roughly two to three times this in heap. */
export const defaultMaxOpenBytes = 16 * 2 ** 20;

/**
 * A DesignStore in a directory of files, two per thread (see store-paths.ts and thread-file.ts):
 * a lowdb document for the design's title, plan and session, and an append-only log of its versions,
 * so a save appends one line however long the history is, and a damaged file affects its thread only.
 * Threads are loaded lazily and kept in an LRU bounded by their total size. Each thread's reads and
 * writes run one at a time, so `expectedVersion` is checked and the write made with nothing in between.
 * Channels written by the older one-file-per-channel layout are migrated when first used.
 */
export async function openLowdbStore(directory: string, options: LowdbStoreOptions = {}): Promise<DesignStore> {
  const root = path.resolve(directory);
  await mkdir(root, { recursive: true });
  const now = options.now ?? (() => new Date());
  const cache = new LruCache<string, ThreadFile>({
    maxEntries: options.maxOpenFiles ?? 1024,
    maxWeight: options.maxOpenBytes ?? defaultMaxOpenBytes,
    weigh: (thread) => thread.size(),
  });
  const madeDirs = new LruCache<string, true>(1024);
  const migrated = new LruCache<string, true>(4096);
  const locks = new KeyedMutex();
  const gate = new WorkspaceGate();
  let closed = false;

  const gateKey = (key: WorkspaceKey) => JSON.stringify([key.platform, key.workspace]);
  /** Runs `task` as one operation in the key's workspace (a workspace deletion waits for it). */
  const inWorkspace = <T>(key: WorkspaceKey, task: () => Promise<T>) => {
    if (closed) return Promise.reject(new Error('the lowdb store is closed'));
    return gate.run(gateKey(key), task);
  };

  /** Counts the workspace's designs and threads, in both layouts; a thread whose document cannot be read counts as a thread. */
  const contentsOf = async (key: WorkspaceKey): Promise<WorkspaceContents> => {
    const dir = workspaceDir(root, key.platform, key.workspace);
    const contents = { designs: 0, threads: 0 };
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(emptyWhenMissing)) {
      const at = path.join(dir, entry.name);
      if (entry.isFile() && /^c-.*\.json$/.test(entry.name)) {
        const legacy = await legacyChannelContents(at).catch(() => ({ designs: 0, threads: 0 }));
        contents.designs += legacy.designs;
        contents.threads += legacy.threads;
      }
      if (!entry.isDirectory() || !entry.name.startsWith('c-')) continue;
      for (const name of (await readdir(at).catch(emptyWhenMissing)).filter(isThreadFileName)) {
        contents.threads += 1;
        try {
          await atFile(path.join(at, name), key, false, async ({ key: thread, state }) => {
            if (state.designs.has(thread.thread)) contents.designs += 1;
          });
        } catch (err) {
          if (!(err instanceof StoreCorruptError)) throw err;
        }
      }
    }
    return contents;
  };

  /** Moves the channel out of the older layout the first time it is used (see legacy-channel.ts). */
  const migrate = (key: ChannelKey) => {
    const legacy = legacyChannelFilePath(root, key);
    if (migrated.get(legacy)) return Promise.resolve();
    return locks.run(legacy, async () => {
      if (migrated.get(legacy)) return;
      await migrateLegacyChannel(root, key);
      migrated.set(legacy, true);
    });
  };

  /** Runs `task` on the thread file at `file` under its lock; `remember` keeps a newly loaded file in the cache. */
  const atFile = <T>(file: string, expected: ThreadKey | ChannelKey | WorkspaceKey, remember: boolean, task: (thread: ThreadFile) => Promise<T>) =>
    locks.run(file, async () => {
      let thread = cache.get(file);
      if (!thread) {
        thread = await openThreadFile(file, expected);
        if (remember) cache.set(file, thread);
      }
      return task(thread);
    });

  const withThread = <T>(key: ThreadKey, task: (thread: ThreadFile) => Promise<T>) =>
    inWorkspace(key, async () => {
      await migrate(key);
      return atFile(threadFilePath(root, key), key, true, task);
    });

  /** Like withThread for a task that writes; a failed write drops the cached copy so it is reloaded. */
  const change = <T>(key: ThreadKey, task: (thread: ThreadFile) => Promise<T> | T) =>
    withThread(key, async (thread) => {
      const file = threadFilePath(root, key);
      try {
        const dir = path.dirname(file);
        if (!madeDirs.get(dir)) {
          await mkdir(dir, { recursive: true });
          madeDirs.set(dir, true);
        }
        const result = await task(thread);
        cache.reweigh(file);
        return result;
      } catch (err) {
        // Refusals happen before anything changes; any other failure may leave memory ahead of disk.
        if (!(err instanceof StaleWriteError) && !isUserError(err) && !isOperatorFault(err)) cache.delete(file);
        throw err;
      }
    });

  /** The summaries of the channel's designs whose files read; a damaged thread is reported when that thread is used. */
  const channelDesigns = async ({ platform, workspace, channel: id }: ChannelKey, wanted?: Map<string, Set<string>>): Promise<DesignSummary[]> => {
    // Only the channel's part of the key: callers may pass a whole thread key.
    const channel: ChannelKey = { platform, workspace, channel: id };
    await migrate(channel);
    const dir = channelDirPath(root, channel);
    const files = wanted
      ? [...wanted.keys()].map((thread) => threadFilePath(root, { ...channel, thread }))
      : (await readdir(dir).catch(emptyWhenMissing)).filter(isThreadFileName).map((name) => path.join(dir, name));
    const found: DesignSummary[] = [];
    for (const file of files) {
      try {
        // Not remembered: one listing must not push the busy threads out of the cache.
        await atFile(file, channel, false, async ({ key, state }) => {
          const design = state.designs.get(key.thread);
          if (design && (!wanted || wanted.get(key.thread)?.has(design.id))) found.push(summarize(design));
        });
      } catch (err) {
        if (!(err instanceof StoreCorruptError)) throw err;
      }
    }
    return found;
  };

  return {
    getDesign: (key) => withThread(key, async ({ state }) => copyDesign(state.designs.get(key.thread))),

    saveVersion: (key, expectedVersion, version, title) =>
      change(key, async (thread) => {
        const isNew = !thread.state.designs.has(key.thread);
        const { design, firstSaveByUser, copy } = appendVersion(thread.state, key, expectedVersion, version, title, newDesignId);
        // Logged before the design is written: an entry without its design is harmless, the reverse would hide it.
        if (firstSaveByUser) {
          const line = { channel: key.channel, thread: key.thread, design: design.id };
          await appendIndexLine(userIndexPath(root, key.platform, key.workspace, version.savedBy), line);
        }
        // The version first: a document naming a design whose log lacks it would be damaged.
        await thread.appendLatest();
        if (isNew || title !== undefined) await thread.saveDocument();
        return copy();
      }),

    setTitle: (key, title) =>
      change(key, async (thread) => {
        const design = renameDesign(thread.state, key, title, now());
        await thread.saveDocument();
        return copyDesign(design);
      }),

    savePlan: (key, designId, expectedRevision, plan) =>
      change(key, async (thread) => {
        const saved = writePlan(thread.state, key, designId, expectedRevision, plan);
        await thread.saveDocument();
        return saved;
      }),

    deleteDesign: (key) =>
      change(key, async (thread) => {
        const design = thread.state.designs.get(key.thread);
        if (!design) return false;
        thread.state.designs.delete(key.thread);
        // The document first: a log its document no longer names is ignored, the reverse would be damage.
        await thread.saveDocument();
        await thread.removeVersions(design.id);
        return true;
      }),

    listDesigns: (channel) => inWorkspace(channel, async () => newestFirst(await channelDesigns(channel))),

    listUserDesigns: (platform, workspace, user, limit) =>
      inWorkspace({ platform, workspace }, async () => {
        const byChannel = new Map<string, Map<string, Set<string>>>();
        for (const line of await readIndexLines(userIndexPath(root, platform, workspace, user))) {
          const threads = byChannel.get(line.channel) ?? new Map<string, Set<string>>();
          threads.set(line.thread, (threads.get(line.thread) ?? new Set()).add(line.design));
          byChannel.set(line.channel, threads);
        }
        const found: DesignSummary[] = [];
        for (const [channel, threads] of byChannel) {
          try {
            found.push(...(await channelDesigns({ platform, workspace, channel }, threads)));
          } catch (err) {
            // A channel left in the older layout and damaged is reported when used; the user's overview shows the rest.
            if (!(err instanceof StoreCorruptError)) throw err;
          }
        }
        return newestFirst(found).slice(0, Math.max(0, limit));
      }),

    getSession: (key) => withThread(key, async ({ state }) => copyJson(state.sessions.get(key.thread))),

    putSession: (key, expectedVersion, value) =>
      change(key, async (thread) => {
        const version = writeSession(thread.state, key.thread, expectedVersion, value, now());
        await thread.saveDocument();
        return version;
      }),

    deleteSession: (key) =>
      change(key, async (thread) => {
        if (thread.state.sessions.delete(key.thread)) await thread.saveDocument();
      }),

    async canWrite() {
      // A probe file written and removed beside the data: fails as a save would on a full or read-only disk.
      const probe = path.join(root, '_system', `.write-probe-${process.pid}`);
      try {
        await mkdir(path.dirname(probe), { recursive: true });
        await writeFile(probe, 'ok');
        await rm(probe, { force: true });
        return true;
      } catch {
        return false;
      }
    },

    workspaceContents: (platform, workspace) => inWorkspace({ platform, workspace }, () => contentsOf({ platform, workspace })),

    deleteWorkspace(platform, workspace) {
      if (closed) return Promise.reject(new Error('the lowdb store is closed'));
      // Alone in the workspace: operations already inside finish first, and later ones wait.
      return gate.exclusive(gateKey({ platform, workspace }), async () => {
        const contents = await contentsOf({ platform, workspace });
        const dir = workspaceDir(root, platform, workspace);
        await rm(dir, { recursive: true, force: true });
        const inside = (file: string) => file.startsWith(dir + path.sep);
        cache.deleteWhere(inside);
        madeDirs.deleteWhere(inside);
        migrated.deleteWhere(inside);
        return contents;
      });
    },

    async close() {
      closed = true;
      await locks.idle();
      cache.clear();
    },
  };
}

function emptyWhenMissing(err: NodeJS.ErrnoException): never[] {
  if (err.code === 'ENOENT') return [];
  throw err;
}
