import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isOperatorFault, isUserError } from '../../errors.ts';
import { openChannelFile } from './channel-file.ts';
import type { ChannelFile } from './channel-file.ts';
import { appendVersion, channelSummaries, copyJson, newestFirst, renameDesign, summarize, writePlan, writeSession } from '../shared/channel-state.ts';
import { newDesignId } from '../shared/design-id.ts';
import { StaleWriteError } from '../../dialog/ports/design-store.ts';
import type { ChannelKey, DesignStore, DesignSummary } from '../../dialog/ports/design-store.ts';
import { appendIndexLine, readIndexLines } from './index-log.ts';
import type { IndexLine } from '../shared/stored-schema.ts';
import { KeyedMutex } from './keyed-mutex.ts';
import { LruCache } from './lru-cache.ts';
import { StoreCorruptError } from './store-corrupt-error.ts';
import { channelFilePath, userIndexPath } from './store-paths.ts';

/** Tuning for the lowdb store: how much of the channel files stays loaded, and the clock for timestamps. */
export interface LowdbStoreOptions {
  /** Channel files kept in memory at once (least recently used are dropped). Default 1024. */
  maxOpenFiles?: number;
  /** Total size (characters of JSON) of the channel files kept in memory. Default 16 MiB. */
  maxOpenBytes?: number;
  now?: () => Date;
}

/** Default bound of the open-file cache: its loaded objects take roughly two to three times this in heap. */
export const defaultMaxOpenBytes = 16 * 2 ** 20;

/**
 * A DesignStore in a directory of lowdb JSON files, one per channel (see store-paths.ts),
 * loaded lazily and kept in an LRU bounded by their total size. Each file's reads and writes run one at a time,
 * so `expectedVersion` is checked and the write made with nothing in between.
 */
export async function openLowdbStore(directory: string, options: LowdbStoreOptions = {}): Promise<DesignStore> {
  const root = path.resolve(directory);
  await mkdir(root, { recursive: true });
  const now = options.now ?? (() => new Date());
  const cache = new LruCache<string, ChannelFile>({
    maxEntries: options.maxOpenFiles ?? 1024,
    maxWeight: options.maxOpenBytes ?? defaultMaxOpenBytes,
    weigh: (channel) => channel.size(),
  });
  const madeDirs = new LruCache<string, true>(1024);
  const locks = new KeyedMutex();
  let closed = false;

  /** Runs `task` on the channel's file under its lock; `remember` keeps the file in the cache. */
  const withChannel = <T>(key: ChannelKey, remember: boolean, task: (channel: ChannelFile, file: string) => Promise<T>) => {
    if (closed) return Promise.reject(new Error('the lowdb store is closed'));
    const file = channelFilePath(root, key);
    return locks.run(file, async () => {
      let channel = cache.get(file);
      if (!channel) {
        channel = await openChannelFile(file, key);
        if (remember) cache.set(file, channel);
      }
      return task(channel, file);
    });
  };

  /** Like withChannel, then writes the file; a failed write drops the cached copy so it is reloaded. */
  const change = <T>(key: ChannelKey, task: (channel: ChannelFile) => Promise<T> | T) =>
    withChannel(key, true, async (channel, file) => {
      try {
        const result = await task(channel);
        const dir = path.dirname(file);
        if (!madeDirs.get(dir)) {
          await mkdir(dir, { recursive: true });
          madeDirs.set(dir, true);
        }
        await channel.save();
        cache.reweigh(file);
        return result;
      } catch (err) {
        // Refusals happen before anything changes; any other failure may leave memory ahead of disk.
        if (!(err instanceof StaleWriteError) && !isUserError(err) && !isOperatorFault(err)) cache.delete(file);
        throw err;
      }
    });

  return {
    getDesign: (key) => withChannel(key, true, async ({ state }) => copyJson(state.designs.get(key.thread))),

    saveVersion: (key, expectedVersion, version, title) =>
      change(key, async ({ state }) => {
        const { design, firstSaveByUser, copy } = appendVersion(state, key, expectedVersion, version, title, newDesignId);
        // Logged before the channel is written: an entry without its design is harmless, the reverse would hide it.
        if (firstSaveByUser) {
          const line = { channel: key.channel, thread: key.thread, design: design.id };
          await appendIndexLine(userIndexPath(root, key.platform, key.workspace, version.savedBy), line);
        }
        return copy();
      }),

    setTitle: (key, title) => change(key, ({ state }) => copyJson(renameDesign(state, key, title, now()))),

    savePlan: (key, designId, expectedRevision, plan) => change(key, ({ state }) => writePlan(state, key, designId, expectedRevision, plan)),

    deleteDesign: async (key) => {
      const existed = await withChannel(key, true, async ({ state }) => state.designs.has(key.thread));
      return existed ? change(key, ({ state }) => state.designs.delete(key.thread)) : false;
    },

    listDesigns: (channel) => withChannel(channel, true, async ({ state }) => channelSummaries(state)),

    async listUserDesigns(platform, workspace, user, limit) {
      const byChannel = new Map<string, Map<string, IndexLine>>();
      for (const line of await readIndexLines(userIndexPath(root, platform, workspace, user))) {
        const lines = byChannel.get(line.channel) ?? new Map<string, IndexLine>();
        lines.set(line.design, line);
        byChannel.set(line.channel, lines);
      }
      const found: DesignSummary[] = [];
      for (const [channel, lines] of byChannel) {
        try {
          // Not remembered: one listing must not push the busy channels out of the cache.
          await withChannel({ platform, workspace, channel }, false, async ({ state }) => {
            for (const line of lines.values()) {
              const design = state.designs.get(line.thread);
              if (design?.id === line.design) found.push(summarize(design));
            }
          });
        } catch (err) {
          // A damaged channel is reported when that channel is used; the user's overview shows the rest.
          if (!(err instanceof StoreCorruptError)) throw err;
        }
      }
      return newestFirst(found).slice(0, Math.max(0, limit));
    },

    getSession: (key) => withChannel(key, true, async ({ state }) => copyJson(state.sessions.get(key.thread))),

    putSession: (key, expectedVersion, value) => change(key, ({ state }) => writeSession(state, key.thread, expectedVersion, value, now())),

    deleteSession: async (key) => {
      const existed = await withChannel(key, true, async ({ state }) => state.sessions.has(key.thread));
      if (existed) await change(key, ({ state }) => void state.sessions.delete(key.thread));
    },

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

    async close() {
      closed = true;
      await locks.idle();
      cache.clear();
    },
  };
}
