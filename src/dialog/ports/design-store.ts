import type { Assessment } from '../../rules/assessment.ts';
import type { Requirements } from '../../rules/requirements.ts';
import type { DesignEdit } from '../../rules/design-edits.ts';
import type { PlanRecord } from '../plan/plan-record.ts';

/** Where a conversation lives: one thread of one channel of one workspace on one platform. */
export interface ThreadKey {
  platform: string;
  workspace: string;
  channel: string;
  thread: string;
}

/** The channel part of a ThreadKey, for listing a channel's designs. */
export type ChannelKey = Omit<ThreadKey, 'thread'>;

/** One saved assessment of a thread's design. Versions start at 1 and never change once saved. */
export interface DesignVersion {
  version: number;
  requirements: Requirements;
  assessment: Assessment;
  /** Which user gave each requirement field (field → user id). */
  answeredBy: Record<string, string>;
  savedBy: string;
  /** ISO 8601 time. */
  savedAt: string;
  /** What caused this version ("interview", "set writesPerSec 40000", "assess"). */
  cause: string;
  /** Primitives and patterns put in or taken out by hand, carried to every later version until undone. */
  edits?: DesignEdit[];
}

/** A thread's design with its whole history. */
export interface Design {
  /** Short stable id, unique in the store (e.g. "d-3f9a1c"). */
  id: string;
  key: ThreadKey;
  title: string;
  createdAt: string;
  updatedAt: string;
  versions: DesignVersion[];
  /** The team's plan: item changes and milestones (absent until someone changes an item). */
  plan?: PlanRecord;
}

/** What `designs` lists: a design without its versions. */
export interface DesignSummary {
  id: string;
  key: ThreadKey;
  title: string;
  latestVersion: number;
  updatedAt: string;
  savedBy: string;
}

/** What a workspace holds: its designs, and its threads that have a design or a conversation. */
export interface WorkspaceContents {
  designs: number;
  threads: number;
}

/** A stored dialog session: opaque JSON state plus its optimistic-concurrency version. */
export interface StoredSession {
  state: unknown;
  /** Incremented by every successful put; 0 means "no session yet". */
  version: number;
  updatedAt: string;
}

/** The session half of the store port: one thread's dialog state, written optimistically. */
export interface SessionStore {
  getSession(key: ThreadKey): Promise<StoredSession | undefined>;
  /** Writes the session state; returns the new version. */
  putSession(key: ThreadKey, expectedVersion: number, state: unknown): Promise<number>;
  deleteSession(key: ThreadKey): Promise<void>;
}

/**
 * The store port owned by the core (the dialog); the file, Postgres and memory stores under
 * src/store/ implement it, and nothing here imports from them. Writes are optimistic: a write
 * that names an `expectedVersion` other than the current one throws StaleWriteError and changes
 * nothing, and the caller re-reads and retries.
 */
export interface DesignStore extends SessionStore {
  getDesign(key: ThreadKey): Promise<Design | undefined>;
  /** Appends a version; `expectedVersion` is the latest version the caller saw (0 for a new design). */
  saveVersion(
    key: ThreadKey,
    expectedVersion: number,
    version: Omit<DesignVersion, 'version'>,
    title?: string,
  ): Promise<Design>;
  setTitle(key: ThreadKey, title: string): Promise<Design>;
  /**
   * Replaces the plan of the thread's design `designId`, optimistically: `expectedRevision` is the
   * revision the caller read (0 for none); the saved plan comes back with the next revision. A stale
   * revision throws StaleWriteError; a design that is gone (or another one now) is a UserError.
   */
  savePlan(key: ThreadKey, designId: string, expectedRevision: number, plan: PlanRecord): Promise<PlanRecord>;
  deleteDesign(key: ThreadKey): Promise<boolean>;
  /** A channel's designs, most recently updated first. */
  listDesigns(channel: ChannelKey): Promise<DesignSummary[]>;
  /** Designs in a workspace that a user saved a version of, most recent first (App Home). */
  listUserDesigns(platform: string, workspace: string, user: string, limit: number): Promise<DesignSummary[]>;
  /** Counts what deleteWorkspace would delete now (for the confirmation that names it). */
  workspaceContents(platform: string, workspace: string): Promise<WorkspaceContents>;
  /**
   * Deletes every design (with its versions and plan) and every session of one workspace, and nothing
   * of any other workspace; returns what it deleted. Installations and seen event ids are the
   * platform's ports' to forget.
   */
  deleteWorkspace(platform: string, workspace: string): Promise<WorkspaceContents>;
  /**
   * Whether a write would succeed now (a probe that touches no design): false for a full or
   * read-only disk, a database in recovery or read-only. Health checks ask it; reads never need it.
   */
  canWrite?(): Promise<boolean>;
  close(): Promise<void>;
}

/** Thrown when a write was based on a version that is no longer the latest. */
export class StaleWriteError extends Error {
  readonly expected: number;
  readonly actual: number;

  constructor(expected: number, actual: number) {
    super(`stale write: expected version ${expected}, store has ${actual}`);
    this.expected = expected;
    this.actual = actual;
    this.name = 'StaleWriteError';
  }
}
