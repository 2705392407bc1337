import type { ChannelState } from '../shared/channel-state.ts';
import type { ChannelKey, Design, StoredSession } from '../../dialog/ports/design-store.ts';
import { openJsonStoreFile } from './json-store-file.ts';
import { StoreCorruptError } from './store-corrupt-error.ts';
import { ChannelFileData, storeSchemaVersion } from '../shared/stored-schema.ts';

/** One channel's lowdb file, loaded: its state by thread and a way to write it back. */
export interface ChannelFile {
  state: ChannelState;
  /** Writes the whole state atomically (temp file + rename). */
  save(): Promise<void>;
  /** Characters of the file as last read or written, the weight the open-file cache counts. */
  size(): number;
}

/** Loads (or starts, when missing) the channel file at `file`; throws StoreCorruptError for a bad file. */
export async function openChannelFile(file: string, key: ChannelKey): Promise<ChannelFile> {
  const channelKey = { platform: key.platform, workspace: key.workspace, channel: key.channel };
  const { low, textLength } = await openJsonStoreFile(file, ChannelFileData, () => ({
    schemaVersion: storeSchemaVersion,
    key: channelKey,
    designs: [],
    sessions: [],
  }));
  const stored = low.data.key;
  if (stored.platform !== key.platform || stored.workspace !== key.workspace || stored.channel !== key.channel) {
    throw new StoreCorruptError(file, `belongs to channel ${JSON.stringify(stored)}, not ${JSON.stringify(channelKey)}`);
  }
  // The schema keeps requirements and assessments as plain JSON objects (see stored-schema.ts);
  // they are the values an earlier save was given, so they are handed back as such.
  const designs = low.data.designs as unknown as Design[];
  const state: ChannelState = {
    designs: new Map(designs.map((d) => [d.key.thread, d])),
    sessions: new Map(
      low.data.sessions.map((s): [string, StoredSession] => [s.thread, { state: s.state, version: s.version, updatedAt: s.updatedAt }]),
    ),
  };
  return {
    state,
    async save() {
      low.data = {
        schemaVersion: storeSchemaVersion,
        key: channelKey,
        designs: [...state.designs.values()] as unknown as ChannelFileData['designs'],
        sessions: [...state.sessions].map(([thread, s]) => ({ thread, ...s })),
      };
      await low.write();
    },
    size: textLength,
  };
}
