import { normalizeId } from '../../catalog/catalog.ts';
import { UserError } from '../../errors.ts';
import { closeNames } from '../close-names.ts';
import type { PlanEvent, PlanOwner, PlanRecord } from './plan-record.ts';
import type { PlanItem, PlanView } from './plan-view.ts';

/** One change a person asks for: accept a risk, mark an item done, reopen it, or give it an owner. */
export type PlanChange =
  | { action: 'ack'; item: string; reason: string }
  | { action: 'done'; item: string; reason?: string }
  | { action: 'reopen'; item: string }
  | { action: 'owner'; item: string; person: string };

/** What a change did: the record to save (undefined when nothing changed), the item after it, and a line for the thread. */
export interface ChangeOutcome {
  record?: PlanRecord;
  item: PlanItem;
  message: string;
}

/**
 * Finds the item a person named: its id (compared like catalog ids), a check's id without
 * `check-`, or an unambiguous start of an id. Anything else is a user error with the closest ids.
 */
export function findItem(view: PlanView, ref: string): PlanItem {
  const wanted = normalizeId(ref.replace(/^#/, ''));
  const exact = view.items.find((i) => normalizeId(i.id) === wanted || (i.kind === 'check' && normalizeId(i.id) === `check${wanted}`));
  if (exact) return exact;
  const starts = view.items.filter((i) => wanted.length >= 3 && normalizeId(i.id).startsWith(wanted));
  if (starts.length === 1) return starts[0]!;
  const ids = view.items.map((i) => i.id);
  const suggestions = starts.length > 1 ? starts.map((i) => i.id).slice(0, 5) : closeNames(ref, ids);
  const close = suggestions.length > 0 ? ` Did you mean ${suggestions.join(', ')}?` : '';
  throw new UserError('unknown_item', `This design's plan has no item "${ref.slice(0, 80)}".${close}`, {
    hint: 'Type plan to see the items and their ids.',
    suggestions,
  });
}

/** Slack `<@U123>` / `<@U123|ann>` and Discord `<@123>` / `<@!123>` name one platform user. */
const mention = /^<@!?([A-Z0-9]{2,40})(?:\|([^>]{1,80}))?>$/i;
const nobody = new Set(['none', 'nobody', 'no one', 'noone', 'unassigned', '-']);

/** Reads the person given to `owner`: a platform mention, or a plain name (a leading @ dropped); undefined clears. */
export function parseOwner(person: string): PlanOwner | undefined {
  const text = person.trim();
  if (nobody.has(text.toLowerCase())) return undefined;
  const m = mention.exec(text);
  if (m) return { name: m[2] ? m[2] : `<@${m[1]}>`, user: m[1]! };
  const name = text.replace(/^@+/, '').trim().slice(0, 80);
  if (name === '' || /[<>]/.test(name)) {
    throw new UserError('bad_owner', 'Name the owner as a person: a mention or a name, like owner <item> @ann.', { hint: 'owner <item> <person>' });
  }
  return { name };
}

/** How an owner is written in a reply. */
export function ownerText(owner: PlanOwner | undefined): string {
  return owner ? (owner.user && owner.name === `<@${owner.user}>` ? owner.name : `@${owner.name}`) : 'nobody';
}

function refuse(item: PlanItem, action: PlanChange['action']): void {
  if (item.kind === 'check' && (action === 'ack' || action === 'done')) {
    throw new UserError('check_is_computed', `${item.id} is a failing check: it closes when a change makes it pass, not by marking it.`, {
      hint: 'Try a what-if with set <field> <value>, or add <id> / drop <id>, and the check is judged again.',
    });
  }
  if (item.kind === 'obligation' && action === 'ack') {
    throw new UserError('obligation_not_accepted', `${item.id} is a proof obligation: it is proved (done ${item.id}), not accepted.`, { hint: `done ${item.id}` });
  }
}

const statusAfter = { ack: 'accepted', done: 'done', reopen: 'open' } as const;

/**
 * Applies one change to the plan of the latest version, as `by` at `at`. A change that would leave the
 * item as it is saves nothing and says so. The event records the version it was made at.
 */
export function applyChange(record: PlanRecord, view: PlanView, change: PlanChange, by: string, at: string): ChangeOutcome {
  const item = findItem(view, change.item);
  refuse(item, change.action);
  const event: PlanEvent = { item: item.id, action: change.action, by, at, version: view.version };
  let after: PlanItem;
  let message: string;
  if (change.action === 'owner') {
    const owner = parseOwner(change.person);
    if ((owner?.name ?? '') === (item.owner?.name ?? '')) return { item, message: `${item.id} is already owned by ${ownerText(owner)}; nothing changed.` };
    if (owner) event.owner = owner;
    after = { ...item, changedBy: by, changedAt: at };
    if (owner) after.owner = owner;
    else delete after.owner;
    message = owner ? `${item.id} is now owned by ${ownerText(owner)}.` : `${item.id} has no owner now.`;
  } else {
    const status = statusAfter[change.action];
    const reason = change.action === 'reopen' ? undefined : change.reason?.trim().slice(0, 1000) || undefined;
    if (status === item.status && (reason ?? '') === (item.reason ?? '')) return { item, message: `${item.id} is already ${status}; nothing changed.` };
    if (reason) event.reason = reason;
    after = { ...item, status, changedBy: by, changedAt: at };
    delete after.since;
    if (reason) after.reason = reason;
    else delete after.reason;
    message = change.action === 'ack'
      ? `Accepted ${item.id}: ${reason}.`
      : change.action === 'done' ? `Done: ${item.id}${reason ? ` (${reason})` : ''}.` : `Reopened ${item.id}.`;
  }
  return { record: { ...record, revision: record.revision, events: [...record.events, event] }, item: after, message };
}

/**
 * Names the latest version. A name already in use moves to this version (the reply says so);
 * names compare case-insensitively.
 */
export function addMilestone(record: PlanRecord, name: string, version: number, by: string, at: string): { record: PlanRecord; movedFrom?: number } {
  const clean = name.trim().replace(/\s+/g, ' ').slice(0, 100);
  const same = (m: { name: string }) => m.name.toLowerCase() === clean.toLowerCase();
  const earlier = record.milestones.find(same);
  const milestones = [...record.milestones.filter((m) => !same(m)), { name: clean, version, by, at }];
  return { record: { ...record, milestones }, ...(earlier && earlier.version !== version && { movedFrom: earlier.version }) };
}

/** The version a milestone name (or `v3`, `3`) stands for, or undefined. */
export function resolveVersionRef(record: PlanRecord, ref: string): number | undefined {
  const m = /^v?(\d{1,6})$/i.exec(ref.trim());
  if (m) return Number(m[1]);
  const wanted = ref.trim().replace(/\s+/g, ' ').toLowerCase();
  return record.milestones.find((x) => x.name.toLowerCase() === wanted)?.version;
}

/** Milestone names of each version, for history. */
export function milestonesByVersion(record: PlanRecord): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const m of record.milestones) out.set(m.version, [...(out.get(m.version) ?? []), m.name]);
  return out;
}
