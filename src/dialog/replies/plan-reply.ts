import type { Design } from '../ports/design-store.ts';
import { ownerText } from '../plan/plan-change.ts';
import { issueUrl } from '../plan/plan-export.ts';
import type { PlanRecord } from '../plan/plan-record.ts';
import type { RecordStatus } from '../plan/plan-status.ts';
import { openItems, type PlanItem, type PlanView } from '../plan/plan-view.ts';
import type { Choice, ItemControl, PlanItemOut, Reply } from '../reply.ts';

/** At most this many items get a row of controls: platforms cap rows per message (Discord: 5). */
export const controlledItems = 5;

/** An item in the `plan` shape of chat --json. */
export function itemOut(item: PlanItem): PlanItemOut {
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    status: item.status,
    ...(item.owner && { owner: ownerText(item.owner).replace(/^@/, '') }),
    ...(item.reason && { reason: item.reason }),
    impact: item.impact,
    ...(item.changedBy && { changedBy: item.changedBy }),
    ...(item.changedAt && { changedAt: item.changedAt }),
  };
}

/** The platform users a set of items names as owners. */
export function ownerMentions(items: readonly PlanItem[]): string[] {
  return [...new Set(items.flatMap((i) => (i.owner?.user ? [i.owner.user] : [])))];
}

function line(item: PlanItem): string {
  const owner = item.owner ? ` · owner ${ownerText(item.owner)}` : '';
  const since = item.since ? ` · since v${item.since}` : '';
  const reason = item.reason ? ` · "${item.reason}"` : '';
  const who = item.changedBy && item.status !== 'open' ? ` · by ${item.changedBy}` : '';
  return `[${item.impact}] ${item.kind} ${item.id}: ${item.title}${owner}${reason}${who}${since}`;
}

/** The buttons of one item: what can be done to it now, plus "Open as issue" when a template is set. */
export function itemControl(design: Design, item: PlanItem, version: number, issueTemplate: string | undefined): ItemControl {
  const choices: Choice[] = [];
  if (item.status === 'open') {
    if (item.kind !== 'check') choices.push({ label: 'Done', value: `done ${item.id}` });
    if (item.kind === 'risk') choices.push({ label: 'Accept…', value: `ack ${item.id}` });
    if (item.kind === 'check') choices.push({ label: 'How it is computed', value: `explain ${item.id.replace(/^check-/, '')}` });
  } else {
    choices.push({ label: 'Reopen', value: `reopen ${item.id}` });
  }
  const url = issueUrl(issueTemplate, design, item, version);
  if (url) choices.push({ label: 'Open as issue', value: url, url });
  return { item: item.id, line: line(item), choices, pickPerson: `owner ${item.id}` };
}

/** What the plan reply needs besides the view. */
export interface PlanReplyContext {
  design: Design;
  record: PlanRecord;
  status: RecordStatus;
  issueTemplate?: string;
  /** A line to lead with (what a change did). */
  lead?: string;
  /** The item just changed: its controls come first, so its next step (reopen, owner) is one click away. */
  focus?: string;
}

/**
 * The plan of a design version: the open items highest impact first, then accepted and done ones,
 * and the items the last change made go away. Every item is in `plan` for scripts; the first open
 * ones carry controls (buttons and an owner picker).
 */
export function planReply(view: PlanView, ctx: PlanReplyContext): Reply {
  const open = openItems(view);
  const closed = view.items.filter((i) => i.status !== 'open');
  const milestone = ctx.record.milestones.filter((m) => m.version === view.version).map((m) => m.name);
  const named = milestone.length > 0 ? ` (${milestone.map((m) => `"${m}"`).join(', ')})` : '';
  const counts = `${open.length} open, ${view.items.filter((i) => i.status === 'accepted').length} accepted, ${view.items.filter((i) => i.status === 'done').length} done`;
  const head = `Plan of "${ctx.design.title}" v${view.version}${named}: ${counts}. Record status: ${ctx.status.status} (${ctx.status.reason}).`;
  const lines = [...(ctx.lead ? [ctx.lead] : []), head];
  if (view.items.length === 0) lines.push('Nothing to act on: no risks, no proof obligations, no failing checks.');
  if (open.length > 0) lines.push('Open, highest impact first:', ...open.map((i, n) => `${n + 1}. ${line(i)}`));
  if (closed.length > 0) lines.push('Accepted or done:', ...closed.map((i) => `- ${i.status}: ${line(i)}`));
  if (view.gone.length > 0) {
    lines.push(`Gone in v${view.version} (${view.gone[0]!.cause}): ${view.gone.map((g) => `${g.id} (was ${g.status})`).join(', ')}.`);
  }
  if (view.appeared.length > 0 && view.version > 1) lines.push(`New in v${view.version}: ${view.appeared.join(', ')}.`);
  lines.push('Change an item: ack <risk> <reason> · done <item> · reopen <item> · owner <item> <person>.');
  const ordered = [...open, ...closed];
  const focused = ordered.filter((i) => i.id === ctx.focus);
  const shown = [...focused, ...ordered.filter((i) => i.id !== ctx.focus)].slice(0, controlledItems);
  const itemControls = shown.map((i) => itemControl(ctx.design, i, view.version, ctx.issueTemplate));
  const mentions = ownerMentions(view.items);
  return {
    kind: 'design',
    title: `Plan of "${ctx.design.title}" v${view.version}`,
    text: lines.join('\n'),
    summary: lines.join('\n'),
    plan: { items: view.items.map(itemOut) },
    itemControls,
    ...(mentions.length > 0 && { mentions }),
    choices: [{ label: 'Export CSV', value: 'export csv' }, { label: 'Export JSON', value: 'export json' }],
  };
}

/** The reply to a change of one item: what changed, then the plan with its new state. */
export function changedReply(message: string, item: string, view: PlanView, ctx: Omit<PlanReplyContext, 'lead' | 'focus'>): Reply {
  return planReply(view, { ...ctx, lead: message, focus: item });
}

/** A digest line per design of a channel: its open high items and their owners. */
export function digestReply(rows: Array<{ design: Design; view: PlanView }>): Reply {
  if (rows.length === 0) return { kind: 'list', text: 'No designs in this channel yet, so no plans. Type design in a thread to start one.' };
  const lines = ['Open high items of every design in this channel:'];
  const items: PlanItemOut[] = [];
  const mentioned: PlanItem[] = [];
  for (const { design, view } of rows) {
    const high = openItems(view).filter((i) => i.impact === 'high');
    lines.push(`${design.title} (${design.id}) v${view.version}: ${high.length === 0 ? 'no open high item' : `${high.length} open high`}`);
    const byOwner = new Map<string, PlanItem[]>();
    for (const item of high) byOwner.set(ownerText(item.owner), [...(byOwner.get(ownerText(item.owner)) ?? []), item]);
    for (const [owner, list] of byOwner) lines.push(`  ${owner}: ${list.map((i) => i.id).join(', ')}`);
    items.push(...high.map(itemOut));
    mentioned.push(...high);
  }
  const mentions = ownerMentions(mentioned);
  return { kind: 'list', title: 'Plans in this channel', text: lines.join('\n'), summary: lines.join('\n'), plan: { items }, ...(mentions.length > 0 && { mentions }) };
}
