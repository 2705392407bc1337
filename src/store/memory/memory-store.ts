import {
  appendVersion,
  channelSummaries,
  copyDesign,
  copyJson,
  emptyChannelState,
  newestFirst,
  renameDesign,
  summarize,
  writePlan,
  writeSession,
} from '../shared/channel-state.ts';
import type { ChannelState } from '../shared/channel-state.ts';
import { newDesignId } from '../shared/design-id.ts';
import type { ChannelKey, DesignStore, DesignSummary, ThreadKey, WorkspaceContents } from '../../dialog/ports/design-store.ts';

/** How many designs, and threads with a design or a session, the channels hold. */
function contentsOf(channels: Array<[string, ChannelState]>): WorkspaceContents {
  let designs = 0;
  let threads = 0;
  for (const [, state] of channels) {
    designs += state.designs.size;
    threads += new Set([...state.designs.keys(), ...state.sessions.keys()]).size;
  }
  return { designs, threads };
}

/** Options for the in-memory store; `now` is the clock for session and title timestamps. */
export interface MemoryStoreOptions {
  now?: () => Date;
}

/**
 * A DesignStore that keeps everything in this process, for tests, benchmarks and `memory:`.
 * Values are copied on the way in and out, so callers can never change stored state by accident.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): DesignStore {
  const now = options.now ?? (() => new Date());
  const channels = new Map<string, ChannelState>();
  let closed = false;

  const channelOf = (key: ChannelKey, create: boolean): ChannelState | undefined => {
    if (closed) throw new Error('the memory store is closed');
    const id = JSON.stringify([key.platform, key.workspace, key.channel]);
    let state = channels.get(id);
    if (!state && create) {
      state = emptyChannelState();
      channels.set(id, state);
    }
    return state;
  };

  /** The channels of one workspace, by their map key. */
  const inWorkspace = (platform: string, workspace: string): Array<[string, ChannelState]> => {
    if (closed) throw new Error('the memory store is closed');
    return [...channels].filter(([id]) => {
      const [p, w] = JSON.parse(id) as string[];
      return p === platform && w === workspace;
    });
  };

  return {
    async getDesign(key: ThreadKey) {
      return copyDesign(channelOf(key, false)?.designs.get(key.thread));
    },
    async saveVersion(key, expectedVersion, version, title) {
      const state = channelOf(key, true)!;
      return appendVersion(state, key, expectedVersion, version, title, newDesignId).copy();
    },
    async setTitle(key, title) {
      return copyDesign(renameDesign(channelOf(key, false) ?? emptyChannelState(), key, title, now()));
    },
    async savePlan(key, designId, expectedRevision, plan) {
      return writePlan(channelOf(key, false) ?? emptyChannelState(), key, designId, expectedRevision, plan);
    },
    async deleteDesign(key) {
      return channelOf(key, false)?.designs.delete(key.thread) ?? false;
    },
    async listDesigns(channel) {
      const state = channelOf(channel, false);
      return state ? channelSummaries(state) : [];
    },
    async listUserDesigns(platform, workspace, user, limit) {
      const found: DesignSummary[] = [];
      for (const state of channels.values()) {
        for (const design of state.designs.values()) {
          const inWorkspace = design.key.platform === platform && design.key.workspace === workspace;
          if (inWorkspace && design.versions.some((v) => v.savedBy === user)) found.push(summarize(design));
        }
      }
      return newestFirst(found).slice(0, Math.max(0, limit));
    },
    async getSession(key) {
      return copyJson(channelOf(key, false)?.sessions.get(key.thread));
    },
    async putSession(key, expectedVersion, state) {
      return writeSession(channelOf(key, true)!, key.thread, expectedVersion, state, now());
    },
    async deleteSession(key) {
      channelOf(key, false)?.sessions.delete(key.thread);
    },
    async workspaceContents(platform, workspace) {
      return contentsOf(inWorkspace(platform, workspace));
    },
    async deleteWorkspace(platform, workspace) {
      const doomed = inWorkspace(platform, workspace);
      const contents = contentsOf(doomed);
      for (const [id] of doomed) channels.delete(id);
      return contents;
    },
    async close() {
      closed = true;
    },
  };
}
