import type { Design, DesignVersion } from '../ports/design-store.ts';
import { deriveItems, type DerivedItem } from './plan-items.ts';
import type { PlanOwner, PlanRecord, PlanStatus } from './plan-record.ts';

/** A plan item as the team sees it at one version: what it is, where it stands, and who moved it last. */
export interface PlanItem extends DerivedItem {
  status: PlanStatus;
  owner?: PlanOwner;
  /** Why it was accepted (or the note given with done). */
  reason?: string;
  /** Who changed its status or owner last, and when (ISO time). */
  changedBy?: string;
  changedAt?: string;
  /** The version whose change set the current status, when that is older than the version shown (carried over). */
  since?: number;
  /** The first version of the run of versions this item has been in without a break. */
  present: number;
}

/** An item the previous version had and this one has not: the change made it go away. */
export interface GoneItem {
  id: string;
  kind: DerivedItem['kind'];
  title: string;
  status: PlanStatus;
  cause: string;
}

/** The plan of one design version. */
export interface PlanView {
  version: number;
  items: PlanItem[];
  /** Items of the version before that this version no longer has, with the change that did it. */
  gone: GoneItem[];
  /** Items this version has that the version before had not. */
  appeared: string[];
}

/** The version of a design, or undefined. */
export function versionOf(design: Design, version: number): DesignVersion | undefined {
  return design.versions.find((v) => v.version === version);
}

/** Folds the recorded changes of one item (made while it was present) onto its derived form. */
function foldItem(item: DerivedItem, record: PlanRecord, present: number, shown: number): PlanItem {
  const out: PlanItem = { ...item, status: 'open', present };
  let statusAt: number | undefined;
  for (const event of record.events) {
    if (event.item !== item.id || event.version < present || event.version > shown) continue;
    out.changedBy = event.by;
    out.changedAt = event.at;
    if (event.action === 'owner') {
      if (event.owner) out.owner = event.owner;
      else delete out.owner;
      continue;
    }
    statusAt = event.version;
    out.status = event.action === 'ack' ? 'accepted' : event.action === 'done' ? 'done' : 'open';
    if (event.reason && event.action !== 'reopen') out.reason = event.reason;
    else delete out.reason;
  }
  if (statusAt !== undefined && statusAt < shown && out.status !== 'open') out.since = statusAt;
  return out;
}

/**
 * The plan of `version` (default: the latest): the items its assessment derives, each with the changes
 * made to it since it last appeared. An item that went away and came back starts open again, since the
 * change that brought it back may have changed what it means.
 */
export function planAt(design: Design, record: PlanRecord, version?: number): PlanView {
  const target = version ?? design.versions.at(-1)?.version ?? 0;
  const ordered = design.versions.filter((v) => v.version <= target).sort((a, b) => a.version - b.version);
  const presentSince = new Map<string, number>();
  let previous: DerivedItem[] = [];
  let current: DerivedItem[] = [];
  let before = new Map<string, number>();
  for (const v of ordered) {
    previous = current;
    before = new Map(presentSince);
    current = deriveItems(v.assessment);
    for (const id of [...presentSince.keys()]) if (!current.some((i) => i.id === id)) presentSince.delete(id);
    for (const item of current) if (!presentSince.has(item.id)) presentSince.set(item.id, v.version);
  }
  const items = current.map((item) => foldItem(item, record, presentSince.get(item.id) ?? target, target));
  const latest = ordered.at(-1);
  const now = new Set(current.map((i) => i.id));
  const then = new Set(previous.map((i) => i.id));
  const gone = ordered.length < 2 ? [] : previous
    .filter((i) => !now.has(i.id))
    .map((i) => ({ id: i.id, kind: i.kind, title: i.title, status: foldItem(i, record, before.get(i.id) ?? 1, target - 1).status, cause: latest?.cause ?? '' }));
  const appeared = ordered.length < 2 ? [] : current.filter((i) => !then.has(i.id)).map((i) => i.id);
  return { version: target, items, gone, appeared };
}

/** Items that still need someone: open ones, in plan order. */
export function openItems(view: PlanView): PlanItem[] {
  return view.items.filter((i) => i.status === 'open');
}
