import { appendFile, readFile, unlink } from 'node:fs/promises';
import { TextFile } from 'lowdb/node';
import type { Low } from 'lowdb';
import { deepFreeze, emptyChannelState } from '../shared/channel-state.ts';
import type { ChannelState } from '../shared/channel-state.ts';
import type { ChannelKey, Design, DesignVersion, ThreadKey } from '../../dialog/ports/design-store.ts';
import { openJsonStoreFile } from './json-store-file.ts';
import { StoreCorruptError } from './store-corrupt-error.ts';
import { StoredDesignVersion, ThreadFileData, storeSchemaVersion } from '../shared/stored-schema.ts';
import { versionsFilePath } from './store-paths.ts';

// One thread is two files: a small lowdb document (the design's title, dates and plan, and the
// session), rewritten atomically when those change, and the design's versions as an append-only
// JSON-lines log, so saving a version appends one line whatever the history holds. Versions never
// change once saved, so the log needs no compaction beyond dropping a line torn by a crash.

/** The workspace part of a key, for threads found by walking a workspace's folder. */
export type WorkspaceKey = Pick<ThreadKey, 'platform' | 'workspace'>;

/** One thread's files, loaded: its state (this thread only) and the ways to write it back. */
export interface ThreadFile {
  key: ThreadKey;
  /** The thread's design and session, in the shape the shared channel rules change. */
  state: ChannelState;
  /** Appends the design's latest version to its log. */
  appendLatest(): Promise<void>;
  /** Writes the thread document (design without versions, session) atomically; removes it when empty. */
  saveDocument(): Promise<void>;
  /** Removes the version log of design `designId` (after its document no longer names it). */
  removeVersions(designId: string): Promise<void>;
  /** Characters of both files as last read or written, the weight the open-file cache counts. */
  size(): number;
}

/**
 * Loads the thread document at `file` (missing: an empty thread) and its design's versions. `expected`
 * is the thread's key, or only its channel or workspace when the thread is found by listing a folder.
 * A document or log Quorum cannot read throws StoreCorruptError naming that file and changes nothing.
 */
export async function openThreadFile(file: string, expected: ThreadKey | ChannelKey | WorkspaceKey): Promise<ThreadFile> {
  const channel = 'channel' in expected ? expected.channel : undefined;
  const thread = 'thread' in expected ? expected.thread : undefined;
  const { low, textLength } = await openJsonStoreFile<ThreadFileData>(file, ThreadFileData, () => ({
    schemaVersion: storeSchemaVersion,
    key: { platform: expected.platform, workspace: expected.workspace, channel: channel ?? '', thread: thread ?? '' },
  }));
  const stored = low.data.key;
  const sameWorkspace = stored.platform === expected.platform && stored.workspace === expected.workspace;
  if (!sameWorkspace || (channel !== undefined && stored.channel !== channel) || (thread !== undefined && stored.thread !== thread)) {
    throw new StoreCorruptError(file, `belongs to thread ${JSON.stringify(stored)}, not ${JSON.stringify(expected)}`);
  }
  const key: ThreadKey = { ...stored };
  const state = emptyChannelState();
  let versionsLength = 0;
  const head = low.data.design;
  if (head) {
    const log = await readVersions(versionsFilePath(file, head.id));
    versionsLength = log.length;
    const last = log.versions.at(-1)!;
    // A version appended just before a crash may be newer than the document's date.
    const updatedAt = last.savedAt > head.updatedAt ? last.savedAt : head.updatedAt;
    // The schema keeps requirements and assessments as plain JSON (see stored-schema.ts): the values an earlier save was given.
    const design = { ...head, key: { ...key }, updatedAt, versions: log.versions } as unknown as Design;
    state.designs.set(key.thread, design);
    if (log.torn) await compact(versionsFilePath(file, head.id), log.versions);
  }
  if (low.data.session) state.sessions.set(key.thread, { ...low.data.session });
  return threadFile(file, key, state, low, () => textLength() + versionsLength, (n) => (versionsLength += n));
}

function threadFile(
  file: string,
  key: ThreadKey,
  state: ChannelState,
  low: Low<ThreadFileData>,
  size: () => number,
  grew: (characters: number) => void,
): ThreadFile {
  return {
    key,
    state,
    async appendLatest() {
      const design = state.designs.get(key.thread)!;
      // Each line starts with a newline, so a line torn by a crash never merges with the next one.
      const line = `\n${JSON.stringify(design.versions.at(-1))}`;
      await appendFile(versionsFilePath(file, design.id), line, 'utf8');
      grew(line.length);
    },
    async saveDocument() {
      const design = state.designs.get(key.thread);
      const session = state.sessions.get(key.thread);
      if (!design && !session) {
        await unlink(file).catch(ignoreMissing);
        return;
      }
      low.data = {
        schemaVersion: storeSchemaVersion,
        key,
        ...(design && { design: documentOf(design) }),
        ...(session && { session: { ...session } }),
      } as ThreadFileData;
      await low.write();
    },
    async removeVersions(designId) {
      await unlink(versionsFilePath(file, designId)).catch(ignoreMissing);
    },
    size,
  };
}

/** A design as its thread document keeps it: everything but the versions. */
function documentOf(design: Design): Omit<Design, 'versions'> {
  const { versions: _versions, ...rest } = design;
  return rest;
}

/** Writes a design's version log whole (temp file + rename): for a migration or a compaction. */
export async function writeVersions(file: string, versions: readonly DesignVersion[]): Promise<void> {
  await new TextFile(file).write(versions.map((v) => `\n${JSON.stringify(v)}`).join(''));
}

interface VersionLog {
  versions: DesignVersion[];
  /** Whether a line was skipped (torn by a crash mid-append). */
  torn: boolean;
  length: number;
}

/**
 * The versions in the log at `file`, frozen. A line that is not a whole version (torn by a crash
 * during its append, which was then never acknowledged) is skipped; versions must run 1, 2, 3 … with
 * at least one, or the log is damaged (StoreCorruptError) and only this thread is affected.
 */
async function readVersions(file: string): Promise<VersionLog> {
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const versions: DesignVersion[] = [];
  let torn = false;
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    const parsed = StoredDesignVersion.safeParse(parseOrUndefined(raw));
    if (!parsed.success) {
      torn = true;
      continue;
    }
    if (parsed.data.version !== versions.length + 1) {
      throw new StoreCorruptError(file, `has version ${parsed.data.version} where version ${versions.length + 1} belongs`);
    }
    versions.push(deepFreeze(parsed.data as unknown as DesignVersion));
  }
  if (versions.length === 0) throw new StoreCorruptError(file, 'holds no readable version of a design its thread document names');
  return { versions, torn, length: text.length };
}

/** Rewrites a log without its torn lines; best effort, since the next read skips them anyway (and a read-only disk must not fail a read). */
async function compact(file: string, versions: readonly DesignVersion[]): Promise<void> {
  await writeVersions(file, versions).catch(() => undefined);
}

function parseOrUndefined(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function ignoreMissing(err: NodeJS.ErrnoException): void {
  if (err.code !== 'ENOENT') throw err;
}
