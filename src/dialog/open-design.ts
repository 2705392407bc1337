import { randomBytes } from 'node:crypto';
import { normalizeId } from '../catalog/catalog.ts';
import { closeNames } from './close-names.ts';
import type { DesignSummary, ThreadKey } from './ports/design-store.ts';
import type { SessionState } from './session-state.ts';
import type { DesignSnapshot } from './design-snapshot.ts';

// Several designs in one thread. A design lives under a ThreadKey; the thread's own key holds the first,
// and `design <name>` puts another beside it under a derived thread id of the same channel. The session of
// the thread remembers which one is open (`openThread`), so the stores need nothing new and a design can
// never be opened from another channel or workspace: the key is always the turn's own channel.

/** Where the conversation's open design lives: the thread's own key, or the slot its session points to. */
export function openDesignKey(home: ThreadKey, state: SessionState): ThreadKey {
  return state.openThread === undefined ? home : { ...home, thread: state.openThread };
}

/** A fresh slot beside the thread's own for a new design: the thread id with a random suffix. */
export function newDesignSlot(home: ThreadKey): string {
  return `${home.thread}#${randomBytes(4).toString('hex')}`;
}

/** The session pointer for a design stored under `thread` (none when it is the thread's own). */
export function pointerTo(home: ThreadKey, thread: string): Pick<SessionState, 'openThread'> {
  return { openThread: thread === home.thread ? undefined : thread };
}

/** The conversation moved to another design: no interview, no pending command, nothing of the old one. */
export function switchedState(s: SessionState, home: ThreadKey, thread: string, lastVersionSeen: number): SessionState {
  return {
    ...s,
    ...pointerTo(home, thread),
    mode: 'idle', resumeMode: undefined, stepId: undefined, walk: undefined, queue: undefined, why: undefined,
    answers: [], requirements: {}, answeredBy: {}, title: undefined, awaiting: undefined, lastVersionSeen,
  };
}

/** The same requirements, whatever the order of their fields. */
function sameRequirements(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const canonical = (r: Record<string, unknown>) => JSON.stringify(Object.keys(r).sort().map((k) => [k, r[k]]));
  return canonical(a) === canonical(b);
}

/**
 * How many interview answers switching away would lose: answers given in this interview that are not in
 * the saved design (0 when nothing would be lost, e.g. just after the first question or the first card).
 */
export function unsavedAnswers(s: SessionState, design: DesignSnapshot | undefined): number {
  if (s.mode !== 'interviewing' || s.answers.length === 0) return 0;
  return sameRequirements(s.requirements, design?.requirements ?? {}) ? 0 : s.answers.length;
}

/** What `open <name or id>` found among the channel's designs. */
export type DesignMatch =
  | { tag: 'one'; design: DesignSummary; guessed: boolean }
  | { tag: 'several'; designs: DesignSummary[] }
  | { tag: 'none'; recent: DesignSummary[] };

/**
 * Finds a design by id or name among `designs` (most recent first): an exact id, then an exact name,
 * then names that contain the words, then names within a typo or two. Names compare as ids do
 * (case and punctuation ignored).
 */
export function matchDesign(designs: readonly DesignSummary[], query: string): DesignMatch {
  const q = normalizeId(query);
  const byId = designs.find((d) => normalizeId(d.id) === q);
  if (byId) return { tag: 'one', design: byId, guessed: false };
  const pick = (found: DesignSummary[], guessed: boolean): DesignMatch | undefined =>
    found.length === 1 ? { tag: 'one', design: found[0]!, guessed } : found.length > 1 ? { tag: 'several', designs: found } : undefined;
  const exact = pick(designs.filter((d) => normalizeId(d.title) === q), false);
  if (exact) return exact;
  const containing = q.length >= 2 ? pick(designs.filter((d) => normalizeId(d.title).includes(q)), false) : undefined;
  if (containing) return containing;
  const close = new Set(closeNames(query, designs.map((d) => d.title), 5));
  const near = pick(designs.filter((d) => close.has(d.title)), true);
  return near ?? { tag: 'none', recent: designs.slice(0, 5) };
}

/** The designs whose name or id holds what was typed, then names within a typo; the most recent first when nothing is typed. */
export function designCompletions(designs: readonly DesignSummary[], typed: string, limit: number): DesignSummary[] {
  const q = normalizeId(typed);
  if (q === '') return designs.slice(0, limit);
  const containing = designs.filter((d) => normalizeId(d.title).includes(q) || normalizeId(d.id).includes(q));
  const close = new Set(closeNames(typed, designs.map((d) => d.title), limit));
  return [...containing, ...designs.filter((d) => close.has(d.title) && !containing.includes(d))].slice(0, limit);
}
