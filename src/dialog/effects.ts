import { normalizeId, type Catalog } from '../catalog/catalog.ts';
import type { Search } from '../catalog/search.ts';
import { UserError } from '../errors.ts';
import type { Assessor } from '../rules/assessor.ts';
import type { Requirements } from '../rules/requirements.ts';
import type { Design, DesignStore, DesignVersion, ThreadKey } from './ports/design-store.ts';
import { diffVersions } from './design-diff.ts';
import type { EngineResult } from './dialog-engine.ts';
import { exportMarkdown, slugify } from './export-markdown.ts';
import { formatValue } from './format-value.ts';
import type { Interview } from './interview-schema.ts';
import { findStep, stepPosition } from './interview-flow.ts';
import type { Choice, Reply } from './reply.ts';
import { assessmentReply } from './replies/assessment-reply.ts';
import { errorReply, infoReply, titledReply } from './replies/basic-replies.ts';
import { answersSoFarReply, designsReply, designSummaryReply, diffReply, historyReply } from './replies/design-replies.ts';
import { entryReply } from './replies/entry-reply.ts';
import { checkReply, contractCheckIds, formulasChoice, formulasReply, noAssessmentReply } from './replies/formulas-reply.ts';
import { kindSearchReply } from './replies/kind-search-reply.ts';
import { listReply } from './replies/list-reply.ts';
import { questionReply } from './replies/question-reply.ts';
import { searchReply } from './replies/search-reply.ts';
import { neutralizeMentions } from './sanitize.ts';
import type { SessionState } from './session-state.ts';
import type { Turn } from './turn.ts';
import { changeItem, exportPlan, exportVersion, nameMilestone, planDeltaReply, planDigest, planEdit, showPlan } from './plan-effects.ts';
import { milestonesByVersion } from './plan/plan-change.ts';
import { designStatus } from './plan/plan-status.ts';
import type { DesignEdit } from '../rules/design-edits.ts';

/** What performing an effect needs: the ports, the turn, the thread's design as read, and the engine's new state. */
export interface EffectEnv {
  catalog: Catalog;
  search: Search;
  assessor: Assessor;
  store: DesignStore;
  interview: Interview;
  turn: Turn;
  key: ThreadKey;
  now: string;
  design: Design | undefined;
  state: SessionState;
  /** The "Open as issue" URL template (QUORUM_ISSUE_URL); unset hides the choice. */
  issueUrlTemplate?: string;
  /** Set when an earlier attempt of this same turn already saved a version (so a retry must not save again). */
  saved: { design: Design; replies: Reply[] } | undefined;
}

/** The replies of an effect and the session state to write back. */
export interface EffectOutcome {
  replies: Reply[];
  state: SessionState;
  saved?: { design: Design; replies: Reply[] };
}

const noDesign = (): Reply =>
  errorReply('no_design', 'This thread has no saved design yet. Type design to start the interview, or assess to save the answers so far.');

/** Slack shows up to five choices as buttons and more as a menu; the card's buttons should stay buttons. */
const cardChoiceLimit = 5;

/**
 * The assessment card of a saved version, with export, history, formulas and what-if buttons; the
 * card's own `why <first>` button comes last and is left out when the five are taken.
 */
export function cardReply(design: Design, version: DesignVersion, withDesign: boolean): Reply {
  const card = assessmentReply(version.assessment, { title: design.title });
  const req = version.requirements;
  const whatIfs: Choice[] = [];
  if (req.writesPerSec !== undefined) whatIfs.push({ label: 'What if writes double?', value: `set writesPerSec ${req.writesPerSec * 2}` });
  if (req.availability !== undefined && req.availability < 0.99999) {
    const more = 1 - (1 - req.availability) / 10;
    whatIfs.push({ label: `What if ${formatValue('availability', more)}?`, value: `set availability ${Number((more * 100).toPrecision(10))}%` });
  }
  const own = card.choices ?? [];
  const why = own.filter((c) => c.value.startsWith('why '));
  const wanted: Choice[] = [
    { label: 'Export', value: 'export' },
    { label: 'History', value: 'history' },
    formulasChoice,
    ...whatIfs,
    ...own.filter((c) => !why.includes(c)),
    ...why,
  ];
  const choices: Choice[] = [];
  for (const c of wanted) if (!choices.some((x) => x.value === c.value)) choices.push(c);
  choices.splice(cardChoiceLimit);
  return { ...card, choices, ...(withDesign ? { design: { id: design.id, version: version.version } } : {}) };
}

function latestOf(design: Design): DesignVersion {
  const latest = design.versions.at(-1);
  if (!latest) throw new Error(`design ${design.id} has no versions`);
  return latest;
}

/**
 * Assesses and saves a new version. Hand edits (add/drop) of the previous version carry over unless
 * `edits` replaces them; after the card and the diff comes what the change did to the plan.
 */
async function saveAssessment(
  env: EffectEnv,
  requirements: Requirements,
  answeredBy: Record<string, string>,
  cause: string,
  newEdits?: DesignEdit[],
): Promise<EffectOutcome> {
  if (env.saved) {
    const version = latestOf(env.saved.design).version;
    return { replies: env.saved.replies, state: { ...env.state, lastVersionSeen: version, title: undefined }, saved: env.saved };
  }
  const previous = env.design?.versions.at(-1);
  const edits = newEdits ?? previous?.edits ?? [];
  const { assessment } = await env.assessor.assess(requirements, { edits });
  const title = env.design ? undefined : env.state.title;
  const design = await env.store.saveVersion(
    env.key,
    previous?.version ?? 0,
    { requirements, assessment, answeredBy, savedBy: env.turn.user, savedAt: env.now, cause, ...(edits.length > 0 && { edits }) },
    title,
  );
  const latest = latestOf(design);
  const replies = [cardReply(design, latest, true)];
  if (previous) replies.push(diffReply(diffVersions(previous, latest), previous.version, latest.version));
  const delta = planDeltaReply(design);
  if (delta) replies.push(delta);
  const saved = { design, replies };
  return { replies, state: { ...env.state, lastVersionSeen: latest.version, title: undefined }, saved };
}

/** Below this top score, chat that was not phrased as a question is not treated as a lookup. */
const casualMatch = 0.6;

function lookup(env: EffectEnv, query: string, casual = false): Reply {
  const result = env.search.lookup(query, { limit: 5 });
  if (casual && (result.results[0]?.score ?? 0) < casualMatch) {
    return infoReply(`I'm not sure what you mean by "${query.slice(0, 80)}". Type design to start a design in this thread, ask a question like "what is CAP?", or type help.`, [
      { label: 'Start a design', value: 'design' },
      { label: 'Help', value: 'help' },
    ]);
  }
  return searchReply(neutralizeMentions(query), result, env.catalog);
}

/**
 * The answer about a validation check named like `availability` (catalog ids win, so this is asked only
 * when the id is no catalog entry); undefined when it names no check of the latest assessment. Without
 * a design, `why availability` is told there is nothing to explain yet, while `explain …` stays a search.
 */
function checkAnswer(env: EffectEnv, id: string, askedWhy: boolean): Reply | undefined {
  const wanted = normalizeId(id);
  const latest = env.design?.versions.at(-1);
  if (!latest) return askedWhy && contractCheckIds.some((c) => normalizeId(c) === wanted) ? noAssessmentReply() : undefined;
  const check = latest.assessment.validation.checks.find((c) => normalizeId(c.id) === wanted);
  return check ? checkReply(check) : undefined;
}

async function explain(env: EffectEnv, id: string, negative: boolean): Promise<Reply[]> {
  const entry = env.catalog.get(id);
  if (!entry) {
    const check = negative ? undefined : checkAnswer(env, id, true);
    return [check ?? lookup(env, id)];
  }
  const latest = env.design?.versions.at(-1);
  if (!latest) return [noDesign()];
  const result = await env.assessor.assess(latest.requirements, { edits: latest.edits ?? [] });
  const why = result.why(entry.id);
  const name = `${entry.name} (${entry.id})`;
  if (!negative || why !== null) {
    if (why === null) {
      return [infoReply(`${name} is not in this design.`, [{ label: `Why not ${entry.id}?`, value: `why not ${entry.id}` }])];
    }
    const lead = negative ? `${name} is in the design. What put it there:` : `Why ${name} is in the design:`;
    return [titledReply('info', `Why ${entry.id}`, [lead, ...why.map((w) => `• ${w}`)].join('\n'))];
  }
  const reasons = result.whyNot(entry.id);
  const lines = reasons.length > 0 ? reasons : ['No rule in the framework brings it in for requirements like these.'];
  // Only primitives and patterns can be put in by hand; the reply names the exact command.
  const editable = entry.kind === 'primitive' || entry.kind === 'pattern';
  if (editable) lines.push(`To put it in by hand: add ${entry.id} (the design is re-validated and saved as a new version).`);
  const choices = editable ? [{ label: `Add ${entry.id}`, value: `add ${entry.id}` }] : [];
  return [titledReply('info', `Why not ${entry.id}`, [`Why ${name} is not in the design:`, ...lines.map((w) => `• ${w}`)].join('\n'), choices.length > 0 ? { choices } : {})];
}

function diff(env: EffectEnv, v1: number | undefined, v2: number | undefined): Reply {
  const design = env.design;
  if (!design) return noDesign();
  const latest = latestOf(design).version;
  const to = v2 ?? latest;
  const from = v1 ?? to - 1;
  const a = design.versions.find((v) => v.version === from);
  const b = design.versions.find((v) => v.version === to);
  if (!a || !b) {
    const message = latest < 2 ? 'There is only one version so far; a what-if (set …) makes a second.' : `Versions run from 1 to ${latest}; pick two of those, like diff 1 ${latest}.`;
    return errorReply('unknown_version', message);
  }
  return diffReply(diffVersions(a, b), from, to);
}

function ask(env: EffectEnv, result: Extract<EngineResult, { tag: 'ask' }>): Reply[] {
  const step = findStep(env.interview, result.stepId);
  if (!step) return [errorReply('interview_changed', 'The interview has changed since this conversation began; type restart to begin again.')];
  const position = stepPosition(env.interview, step.id);
  const question = questionReply(step, { ...position, canGoBack: env.state.answers.length > 0, notes: result.notes });
  return result.error ? [errorReply(result.error.code, result.error.message), question] : [question];
}

/** A short reminder of the pending question, shown after a side question so the interview keeps its place. */
export function reminderReply(interview: Interview, state: SessionState): Reply | undefined {
  const step = findStep(interview, state.stepId);
  if (!step) return undefined;
  return questionReply(step, { ...stepPosition(interview, step.id), canGoBack: state.answers.length > 0, brief: true });
}

/** Performs the effect the engine asked for and returns the replies; UserErrors propagate to the core. */
export async function performEffect(result: EngineResult, env: EffectEnv): Promise<EffectOutcome> {
  const { state, design } = env;
  const done = (...replies: Reply[]): EffectOutcome => ({ replies, state });
  switch (result.tag) {
    case 'ask':
      return done(...ask(env, result));
    case 'answer':
      return done(...result.replies);
    case 'error':
      return done(errorReply(result.code, result.message, result.hint));
    case 'assess':
      return saveAssessment(env, result.requirements, result.answeredBy, result.cause);
    case 'lookup':
      if (result.kind) return done(kindSearchReply(result.query, result.kind, env.catalog, env.search));
      return done(lookup(env, result.query, result.casual));
    case 'list':
      return done(listReply(result.kind, env.catalog.list(result.kind)));
    case 'entry': {
      const entry = env.catalog.get(result.id);
      return done(entry ? entryReply(entry, env.catalog) : lookup(env, result.id));
    }
    case 'show': {
      if (design) return done(designSummaryReply(design, latestOf(design)), cardReply(design, latestOf(design), false));
      return done(answersSoFarReply(state.requirements, state.answeredBy));
    }
    case 'history':
      return done(design ? historyReply(design, milestonesByVersion(design.plan ?? { schemaVersion: 1, revision: 0, events: [], milestones: [] })) : noDesign());
    case 'diff':
      return done(diff(env, result.v1, result.v2));
    case 'designs': {
      const { platform, workspace, channel } = env.key;
      return done(designsReply(await env.store.listDesigns({ platform, workspace, channel })));
    }
    case 'export': {
      if (result.format === 'csv' || result.format === 'json') return done(exportPlan(env, result.format, result.ref));
      if (!design) return done(noDesign());
      const chosen = exportVersion(design, result.ref);
      const name = `${slugify(design.title)}-v${chosen.version}.md`;
      const status = designStatus(design, chosen);
      const body = `The design record of version ${chosen.version} (status: ${status.status}) is attached as ${name}.`;
      return done(titledReply('design', design.title, body, { file: { name, content: exportMarkdown(design, chosen, env.catalog), mime: 'text/markdown' } }));
    }
    case 'plan':
      return done(showPlan(env, result.ref));
    case 'planAll':
      return done(await planDigest(env));
    case 'planChange':
    case 'milestone': {
      const outcome = result.tag === 'planChange' ? await changeItem(env, result.change) : await nameMilestone(env, result.name);
      return { replies: outcome.replies, state, ...(outcome.saved && { saved: outcome.saved }) };
    }
    case 'edit': {
      const edit = planEdit(env, result.op, result.id);
      if ('kind' in edit) return done(edit);
      const latest = latestOf(design!);
      return saveAssessment(env, latest.requirements, latest.answeredBy, edit.cause, edit.edits);
    }
    case 'why':
    case 'whyNot':
      return done(...(await explain(env, result.id, result.tag === 'whyNot')));
    case 'formulas': {
      const latest = design?.versions.at(-1);
      if (!design || !latest) return done(noAssessmentReply());
      return done(formulasReply(latest.assessment, { title: design.title, version: latest.version }));
    }
    case 'explain': {
      const check = env.catalog.get(result.query) ? undefined : checkAnswer(env, result.query, false);
      return done(check ?? lookup(env, result.query));
    }
    case 'name': {
      if (!design) return done(infoReply(`Noted: the design will be called "${result.title}" when it is first saved.`));
      const renamed = await env.store.setTitle(env.key, result.title);
      return { replies: [infoReply(`This design is now called "${renamed.title}".`)], state: { ...state, title: undefined } };
    }
    case 'delete': {
      if (!design) return done(noDesign());
      await env.store.deleteDesign(env.key);
      return done(infoReply(`Deleted the design "${design.title}" (${design.id}) and its history.`, [{ label: 'Start a new design', value: 'design' }]));
    }
    case 'stale': {
      const text = `That button belongs to version ${result.clicked}, but the design is now at version ${result.latest}, so I did not apply it. Here is the current design.`;
      if (!design) throw new UserError('no_design', text);
      return done(infoReply(text), cardReply(design, latestOf(design), false));
    }
  }
}
