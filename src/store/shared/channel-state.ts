import { UserError } from '../../errors.ts';
import { StaleWriteError } from '../../dialog/ports/design-store.ts';
import type { Design, DesignSummary, DesignVersion, StoredSession, ThreadKey } from '../../dialog/ports/design-store.ts';
import type { PlanRecord } from '../../dialog/plan/plan-record.ts';

/**
 * The designs and sessions of one channel, by thread, and the rules for changing them.
 * Both the in-memory and the lowdb store keep their data in this shape, so they share semantics.
 */
export interface ChannelState {
  designs: Map<string, Design>;
  sessions: Map<string, StoredSession>;
}

/** A channel with no designs and no sessions. */
export function emptyChannelState(): ChannelState {
  return { designs: new Map(), sessions: new Map() };
}

/** A deep copy that keeps exactly what JSON keeps, so memory and file stores hand back the same values. */
export function copyJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Freezes `value` and everything in it, so a value shared with callers cannot change. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * A copy of a design for a caller: its own object, key, versions list and plan, sharing only the
 * versions themselves, which are frozen (saved versions never change). Copying every version
 * would make each save cost as much as the whole history.
 */
export function copyDesign(design: Design): Design;
export function copyDesign(design: Design | undefined): Design | undefined;
export function copyDesign(design: Design | undefined): Design | undefined {
  if (!design) return undefined;
  const { plan, ...rest } = design;
  return { ...rest, key: { ...design.key }, versions: design.versions.map(deepFreeze), ...(plan && { plan: copyJson(plan) }) };
}

/** The latest version number of a design, 0 when there is none. */
export function latestVersion(design: Design | undefined): number {
  return design?.versions.at(-1)?.version ?? 0;
}

/** What saving a version did: the design after the save, and whether this user saved a version of it before. */
export interface AppendResult {
  design: Design;
  firstSaveByUser: boolean;
  /** A copy of `design` for the caller (see copyDesign): changing it cannot change the stored state. */
  copy(): Design;
}

/**
 * Appends a version to the thread's design (creating the design for `expectedVersion` 0).
 * Throws StaleWriteError, changing nothing, when `expectedVersion` is not the latest version.
 */
export function appendVersion(
  state: ChannelState,
  key: ThreadKey,
  expectedVersion: number,
  version: Omit<DesignVersion, 'version'>,
  title: string | undefined,
  newId: () => string,
): AppendResult {
  const existing = state.designs.get(key.thread);
  const actual = latestVersion(existing);
  if (expectedVersion !== actual) throw new StaleWriteError(expectedVersion, actual);
  // A copy of the caller's value, frozen: stored and handed out as it is from now on.
  const saved = deepFreeze(JSON.parse(JSON.stringify({ ...version, version: actual + 1 })) as DesignVersion);
  const firstSaveByUser = !existing?.versions.some((v) => v.savedBy === version.savedBy);
  const design: Design = existing ?? {
    id: newId(),
    key: { platform: key.platform, workspace: key.workspace, channel: key.channel, thread: key.thread },
    title: title ?? defaultTitle(version),
    createdAt: version.savedAt,
    updatedAt: version.savedAt,
    versions: [],
  };
  design.versions.push(saved);
  design.updatedAt = version.savedAt;
  if (title !== undefined) design.title = title;
  state.designs.set(key.thread, design);
  return { design, firstSaveByUser, copy: () => copyDesign(design) };
}

/** The title a design gets when none is given: its `name` requirement, or "Untitled design". */
export function defaultTitle(version: Omit<DesignVersion, 'version'>): string {
  const name = version.requirements.name;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : 'Untitled design';
}

/** Replaces the plan of the thread's design (see DesignStore.savePlan); returns the plan as saved. */
export function writePlan(state: ChannelState, key: ThreadKey, designId: string, expectedRevision: number, plan: PlanRecord): PlanRecord {
  const design = state.designs.get(key.thread);
  if (!design || design.id !== designId) {
    throw new UserError('design_not_found', 'This design was deleted or replaced meanwhile, so the plan change was not saved.', {
      hint: 'Type show to see the thread\'s design now.',
    });
  }
  const actual = design.plan?.revision ?? 0;
  if (expectedRevision !== actual) throw new StaleWriteError(expectedRevision, actual);
  const saved: PlanRecord = { ...copyJson(plan), revision: actual + 1 };
  design.plan = saved;
  return copyJson(saved);
}

/** Renames the thread's design; a thread without a design is a user error. */
export function renameDesign(state: ChannelState, key: ThreadKey, title: string, now: Date): Design {
  const design = state.designs.get(key.thread);
  if (!design) {
    throw new UserError('design_not_found', 'This thread has no saved design yet, so there is nothing to rename.', {
      hint: 'Say `design` to start one, or `assess` to save the current answers.',
    });
  }
  design.title = title;
  design.updatedAt = now.toISOString();
  return design;
}

/** A design without its versions, as `designs` lists it. */
export function summarize(design: Design): DesignSummary {
  const latest = design.versions.at(-1);
  return {
    id: design.id,
    key: { ...design.key },
    title: design.title,
    latestVersion: latest?.version ?? 0,
    updatedAt: design.updatedAt,
    savedBy: latest?.savedBy ?? '',
  };
}

/** Orders summaries most recently updated first (later-created first on a tie). */
export function newestFirst(summaries: DesignSummary[]): DesignSummary[] {
  return summaries.reverse().sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}

/** A channel's designs, most recently updated first. */
export function channelSummaries(state: ChannelState): DesignSummary[] {
  return newestFirst([...state.designs.values()].map(summarize));
}

/**
 * Replaces the thread's session state and returns its new version. Throws StaleWriteError,
 * changing nothing, when `expectedVersion` is not the current version (0 = no session).
 */
export function writeSession(state: ChannelState, thread: string, expectedVersion: number, value: unknown, now: Date): number {
  const actual = state.sessions.get(thread)?.version ?? 0;
  if (expectedVersion !== actual) throw new StaleWriteError(expectedVersion, actual);
  const next: StoredSession = { state: copyJson(value), version: actual + 1, updatedAt: now.toISOString() };
  state.sessions.set(thread, next);
  return next.version;
}
