import type { Catalog } from '../catalog/catalog.ts';
import { UserError } from '../errors.ts';
import { withEdit, type DesignEdit } from '../rules/design-edits.ts';
import type { Design, DesignStore, DesignVersion, ThreadKey } from './ports/design-store.ts';
import type { ExportFormat } from './export-format.ts';
import { slugify } from './export-markdown.ts';
import { addMilestone, applyChange, findItem, resolveVersionRef, type PlanChange } from './plan/plan-change.ts';
import { planCsv, planJson, planRows } from './plan/plan-export.ts';
import { emptyPlan, type PlanRecord } from './plan/plan-record.ts';
import { recordStatus } from './plan/plan-status.ts';
import { planAt, versionOf, type PlanView } from './plan/plan-view.ts';
import type { Reply } from './reply.ts';
import { errorReply, infoReply, titledReply } from './replies/basic-replies.ts';
import { changedReply, digestReply, itemControl, ownerMentions, planReply } from './replies/plan-reply.ts';
import type { Turn } from './turn.ts';

/** What the plan commands need from a turn's environment (a part of the core's EffectEnv). */
export interface PlanEnv {
  catalog: Catalog;
  store: DesignStore;
  turn: Turn;
  key: ThreadKey;
  now: string;
  design: Design | undefined;
  /** The "Open as issue" URL template (QUORUM_ISSUE_URL); unset hides the choice. */
  issueUrlTemplate?: string;
  saved: { design: Design; replies: Reply[] } | undefined;
}

/** The replies of a plan command, and the design as saved when it wrote (so a retried turn does not write twice). */
export interface PlanOutcome {
  replies: Reply[];
  /** A command the next plain message completes (the reason of an `ack`). */
  awaiting?: string;
  saved?: { design: Design; replies: Reply[] };
}

const noDesignReply = (): Reply =>
  errorReply('no_design', 'This thread has no saved design yet, so it has no plan. Type design to start the interview, or assess to save the answers so far.');

/** Who a change is recorded as: the person's name when the platform gave one, else their id. */
export function actor(turn: Turn): string {
  return turn.userName?.trim() || turn.user;
}

function planOf(design: Design): PlanRecord {
  return design.plan ?? emptyPlan();
}

/** The version a `plan <ref>` or `export … <ref>` names: a milestone, `v3` or `3`; the latest when no ref. */
function targetVersion(design: Design, ref: string | undefined): DesignVersion {
  const latest = design.versions.at(-1)!;
  if (ref === undefined) return latest;
  const number = resolveVersionRef(planOf(design), ref);
  const found = number === undefined ? undefined : versionOf(design, number);
  if (found) return found;
  const names = planOf(design).milestones.map((m) => `"${m.name}" (v${m.version})`);
  throw new UserError('unknown_version', `This design has no milestone or version "${ref.slice(0, 80)}".`, {
    hint: names.length > 0 ? `Milestones: ${names.join(', ')}; versions run from 1 to ${latest.version}.` : `Versions run from 1 to ${latest.version}; name one with milestone <name>.`,
  });
}

function replyContext(env: PlanEnv, design: Design, view: PlanView) {
  const version = versionOf(design, view.version)!;
  return {
    design,
    record: planOf(design),
    status: recordStatus(version.assessment, view),
    ...(env.issueUrlTemplate && { issueTemplate: env.issueUrlTemplate }),
  };
}

/** `plan [<milestone or vN>]`: the plan of the thread's design. */
export function showPlan(env: PlanEnv, ref: string | undefined): Reply {
  const design = env.design;
  if (!design) return noDesignReply();
  const view = planAt(design, planOf(design), targetVersion(design, ref).version);
  return planReply(view, replyContext(env, design, view));
}

/** `plan all`: the open high items of every design in this channel, per design and owner. */
export async function planDigest(env: PlanEnv): Promise<Reply> {
  const { platform, workspace, channel } = env.key;
  const rows: Array<{ design: Design; view: PlanView }> = [];
  for (const summary of await env.store.listDesigns({ platform, workspace, channel })) {
    const design = await env.store.getDesign(summary.key);
    if (design) rows.push({ design, view: planAt(design, planOf(design)) });
  }
  return digestReply(rows);
}

/** The reply to `ack <risk>` without a reason, or `owner <item>` without a person: what to say next. */
function missingPart(env: PlanEnv, design: Design, view: PlanView, change: PlanChange): Reply | undefined {
  if (change.action === 'ack' && change.reason.trim() === '') {
    const item = findItem(view, change.item);
    if (item.kind !== 'risk') return undefined;
    return { kind: 'question', text: `Why is ${item.id} accepted? Reply with the reason (or type: ack ${item.id} <reason>).` };
  }
  if (change.action === 'owner' && change.person.trim() === '') {
    const item = findItem(view, change.item);
    const control = { ...itemControl(design, item, view.version, env.issueUrlTemplate), choices: [] };
    const mentions = ownerMentions([item]);
    return { kind: 'question', text: `Who owns ${item.id}? Pick a person, or type: owner ${item.id} <person>.`, itemControls: [control], ...(mentions.length > 0 && { mentions }) };
  }
  return undefined;
}

/** `ack`, `done`, `reopen`, `owner`: one change to one item, saved optimistically (a stale write re-runs the turn). */
export async function changeItem(env: PlanEnv, change: PlanChange): Promise<PlanOutcome> {
  if (env.saved) return { replies: env.saved.replies, saved: env.saved };
  const design = env.design;
  if (!design) return { replies: [noDesignReply()] };
  const record = planOf(design);
  const view = planAt(design, record);
  const ask = missingPart(env, design, view, change);
  if (ask) return { replies: [ask], ...(change.action === 'ack' && { awaiting: `ack ${findItem(view, change.item).id}` }) };
  const outcome = applyChange(record, view, change, actor(env.turn), env.now);
  if (!outcome.record) return { replies: [changedReply(outcome.message, outcome.item.id, view, replyContext(env, design, view))] };
  const plan = await env.store.savePlan(env.key, design.id, record.revision, outcome.record);
  const after: Design = { ...design, plan };
  const next = planAt(after, plan);
  const replies = [changedReply(outcome.message, outcome.item.id, next, replyContext(env, after, next))];
  return { replies, saved: { design: after, replies } };
}

/** `milestone <name>`: names the latest version. */
export async function nameMilestone(env: PlanEnv, name: string): Promise<PlanOutcome> {
  if (env.saved) return { replies: env.saved.replies, saved: env.saved };
  const design = env.design;
  if (!design) return { replies: [noDesignReply()] };
  const latest = design.versions.at(-1)!;
  const record = planOf(design);
  const { record: next, movedFrom } = addMilestone(record, name, latest.version, actor(env.turn), env.now);
  const plan = await env.store.savePlan(env.key, design.id, record.revision, next);
  const saved = plan.milestones.at(-1)!;
  const moved = movedFrom !== undefined ? ` (it named v${movedFrom} before)` : '';
  const replies = [infoReply(`Version ${latest.version} is now the milestone "${saved.name}"${moved}. history shows it; export ${saved.name} gives this version.`, [
    { label: 'History', value: 'history' },
    { label: `Export "${saved.name}"`, value: `export ${saved.name}` },
  ])];
  return { replies, saved: { design: { ...design, plan }, replies } };
}

/** `export csv|json [ref]`: the plan of a version as backlog rows in a file. */
export function exportPlan(env: PlanEnv, format: Exclude<ExportFormat, 'md'>, ref: string | undefined): Reply {
  const design = env.design;
  if (!design) return noDesignReply();
  const version = targetVersion(design, ref);
  const view = planAt(design, planOf(design), version.version);
  const rows = planRows(design, view);
  const name = `${slugify(design.title)}-v${version.version}-plan.${format}`;
  const content = format === 'csv' ? planCsv(rows) : planJson(design, view, rows);
  const body = `The plan of version ${version.version} (${rows.length} item${rows.length === 1 ? '' : 's'}: id, kind, title, status, owner, reason, design, version) is attached as ${name}.`;
  return titledReply('design', design.title, body, { file: { name, content, mime: format === 'csv' ? 'text/csv' : 'application/json' } });
}

/** The version `export [md] <ref>` gives: a milestone's, or the latest. */
export function exportVersion(design: Design, ref: string | undefined): DesignVersion {
  return targetVersion(design, ref);
}

/** What `add <id>` / `drop <id>` will save: the new edits and the cause, or a reply saying nothing changes. */
export function planEdit(env: PlanEnv, op: 'add' | 'drop', id: string): { edits: DesignEdit[]; cause: string } | Reply {
  const design = env.design;
  if (!design) return noDesignReply();
  const entry = env.catalog.get(id);
  if (!entry || (entry.kind !== 'primitive' && entry.kind !== 'pattern')) {
    const what = entry ? `${entry.name} (${entry.id}) is a ${entry.kind}` : `"${id.slice(0, 80)}" is no catalog id`;
    throw new UserError('not_editable', `${what}; only primitives (P1 … P20) and patterns can be put in or out by hand.`, {
      hint: entry?.kind === 'capability' ? 'Capabilities follow from requirements: change one with set <field> <value>.' : 'Try lookup <words> to find the id.',
    });
  }
  const latest = design.versions.at(-1)!;
  const present = [...latest.assessment.primitives, ...latest.assessment.patterns].some((i) => i.id === entry.id);
  const name = `${entry.name} (${entry.id})`;
  if (op === 'add' && present) return infoReply(`${name} is already in the design; nothing changed.`, [{ label: `Why ${entry.id}?`, value: `why ${entry.id}` }]);
  if (op === 'drop' && !present) return infoReply(`${name} is not in the design; nothing changed.`, [{ label: `Why not ${entry.id}?`, value: `why not ${entry.id}` }]);
  const edits = withEdit(latest.edits ?? [], { op, id: entry.id, by: actor(env.turn) });
  return { edits, cause: `${op} ${entry.id} by ${actor(env.turn)}` };
}

/** After a new version: which plan items it carried over, which went away, which are new; undefined when the plan is the same. */
export function planDeltaReply(design: Design): Reply | undefined {
  if (design.versions.length < 2) return undefined;
  const view = planAt(design, planOf(design));
  if (view.gone.length === 0 && view.appeared.length === 0) return undefined;
  const carried = view.items.filter((i) => i.since !== undefined).map((i) => `${i.id} (${i.status})`);
  const lines = [
    ...(view.gone.length > 0 ? [`Gone from the plan with this change: ${view.gone.map((g) => `${g.id} (was ${g.status})`).join(', ')}.`] : []),
    ...(view.appeared.length > 0 ? [`New in the plan: ${view.appeared.join(', ')}.`] : []),
    ...(carried.length > 0 ? [`Carried over: ${carried.join(', ')}.`] : []),
  ];
  return infoReply(lines.join('\n'), [{ label: 'Show the plan', value: 'plan' }]);
}
