import type { Catalog } from '../catalog/catalog.ts';
import type { Assessment } from './assessment.ts';
import { indexCatalog, type CatalogIndex } from './catalog-index.ts';
import { closeCapabilities, closePrimitives, conflictWarnings, primitivesForCapabilities } from './closure.ts';
import { defaultCosts, type CostTable } from './costs.ts';
import { DesignDraft, type ItemKind } from './design-draft.ts';
import type { DesignEdit } from './design-edits.ts';
import { analyticsIsRecord, chooseComponents } from './architecture/components.ts';
import { buildArchitecture } from './architecture/build-architecture.ts';
import { evaluatedLeaves, formatValue, renderTemplate, type ConditionResult } from './explain.ts';
import { buildProducers, why, whyNot, type ExplainContext } from './explanations.ts';
import { deriveFacts, type Facts } from './facts.ts';
import { selectObligations } from './obligation-selection.ts';
import { addPatternPrimitives, detectPatterns, nearMisses } from './patterns.ts';
import type { Requirements } from './requirements.ts';
import { compileRules, type RuleRun } from './rule-engine.ts';
import { loadPatternDetection, loadProviders, loadRules } from './rule-loader.ts';
import { summarize, type MadeDecision } from './summary.ts';
import type { LoadedRule } from './rule-schema.ts';
import { validateDesign } from './validation/index.ts';
import { selectWarnings, type RuleWarning } from './warning-selection.ts';

/** An assessment with the explanations behind it (these back the chat commands `why` and `why not`). */
export interface AssessResult {
  assessment: Assessment;
  /** The answers and fired rule conditions that put `id` in the design; null when it is not in the design. */
  why(id: string): string[] | null;
  /** The rule conditions that failed for `id`, and which answer would bring it in. */
  whyNot(id: string): string[];
}

/** What a design is made of and how its judged checks come out: the parts of an assessment that decide it. */
export type DesignOutcome = Pick<Assessment, 'capabilities' | 'primitives' | 'patterns' | 'validation'>;

/** Turns requirements into a reasoned, validated design. */
export interface Assessor {
  /** `edits` are primitives and patterns a person added or dropped by hand; they win over the rules. */
  assess(requirements: Requirements, options?: { edits?: readonly DesignEdit[] }): Promise<AssessResult>;
  /**
   * The same design and checks `assess` gives, without the advice around them (warnings, decisions,
   * obligations, summary, explanations): what the interview compares when it asks which question would
   * change the design, at about two thirds of the cost.
   */
  outcome(requirements: Requirements): Promise<DesignOutcome>;
}

type Technology = Assessment['technologies'][number];

/**
 * How many recent fact values each group of rules remembers its run for (see compileRules). An interview
 * assesses one design again and again with one answer changed (the ranking's probes, then each answer), and a
 * group reading only low-cardinality facts (a domain, a yes/no) sees few values at all; 16 covers both at
 * a few MB at most.
 */
export const defaultRuleMemory = 16;

/** Rewrites the ids a rule names into the catalog's own spelling. */
function canonicalize(rule: LoadedRule, index: CatalogIndex): LoadedRule {
  const fix = (ids: string[]) => ids.map((id) => index.canonical(id) ?? id);
  return { ...rule, event: { ...rule.event, capabilities: fix(rule.event.capabilities), primitives: fix(rule.event.primitives), patterns: fix(rule.event.patterns) } };
}

/** The facts that made a rule fire, in words ("fanOut = 5000, hotKeys = true"). */
function firedBecause(conditions: ConditionResult): string {
  const leaves = evaluatedLeaves(conditions).filter((l) => l.result === true && l.fact && !['primitives', 'patterns', 'capabilities', 'components'].includes(l.fact));
  const seen = new Set<string>();
  return leaves
    .filter((l) => !seen.has(l.fact!) && seen.add(l.fact!))
    .map((l) => `${l.fact} = ${formatValue(l.factResult)}`)
    .join(', ');
}

interface Collected {
  warnings: RuleWarning[];
  technologies: Technology[];
  decisions: MadeDecision[];
}

function applyRule(fired: RuleRun['fired'][number], facts: Record<string, unknown>, draft: DesignDraft, out: Collected): void {
  const { rule } = fired;
  const text = renderTemplate(rule.event.reason, facts);
  const reason = `${text} (rule ${rule.id}, framework ${rule.source})`;
  const adds: Array<[ItemKind, string[]]> = [
    ['capability', rule.event.capabilities],
    ['primitive', rule.event.primitives],
    ['pattern', rule.event.patterns],
  ];
  for (const [kind, ids] of adds) for (const id of ids) draft.add(kind, id, reason, { rule: rule.id, need: rule.event.need });
  const warning = rule.event.warning;
  if (warning && !out.warnings.some((w) => w.id === warning.id)) {
    const because = firedBecause(fired.conditions);
    const why = `${rule.description}${because ? ` Here: ${because}.` : ''}`;
    out.warnings.push({ id: warning.id, severity: warning.severity, message: text, why, concerns: [], ...(warning.pitfall && { pitfall: warning.pitfall }) });
  }
  const tech = rule.event.technology;
  if (tech && !out.technologies.some((t) => t.for === tech.for)) out.technologies.push({ for: tech.for, pick: tech.pick, why: reason });
  const decision = rule.event.decision;
  if (decision && !out.decisions.some((d) => d.id === decision.id)) out.decisions.push({ ...decision, why: text });
}

/** Items added by hand enter before closure, so what they need comes with them; the edit counts as a direct call. */
function applyAdds(draft: DesignDraft, index: CatalogIndex, edits: readonly DesignEdit[]): void {
  for (const edit of edits) {
    if (edit.op !== 'add') continue;
    const id = index.canonical(edit.id) ?? edit.id;
    const kind: ItemKind | undefined = index.pattern(id) ? 'pattern' : index.primitive(id) ? 'primitive' : undefined;
    if (kind) draft.add(kind, id, `added by ${edit.by}`, { rule: 'by-hand' });
  }
}

/** Items dropped by hand leave after closure and pattern detection, so no rule brings them back. */
function applyDrops(draft: DesignDraft, edits: readonly DesignEdit[]): void {
  for (const edit of edits) if (edit.op === 'drop') draft.remove(edit.id);
}

/**
 * Loads and checks the rules (data/rules, or `rulesDir`) once, builds the rules engines once, and
 * returns an assessor that runs them per call. A broken rule file throws a RuleDataError.
 */
export async function createAssessor(options: { catalog: Catalog; costs?: CostTable; rulesDir?: string; ruleMemory?: number }): Promise<Assessor> {
  const index = indexCatalog(options.catalog);
  const rules = loadRules({ catalog: options.catalog, ...(options.rulesDir ? { dir: options.rulesDir } : {}) }).map((r) => canonicalize(r, index));
  const providers = loadProviders({ catalog: options.catalog, ...(options.rulesDir ? { dir: options.rulesDir } : {}) });
  const calledOnly = new Set(
    loadPatternDetection({ catalog: options.catalog, ...(options.rulesDir ? { dir: options.rulesDir } : {}) }).calledOnly.map((id) => index.canonical(id) ?? id),
  );
  const requirementRules = rules.filter((r) => r.stage === 'requirements');
  const remember = { remember: options.ruleMemory ?? defaultRuleMemory };
  const requirementEngine = compileRules(requirementRules, remember);
  // The design stage in two: technology picks size the architecture (and so the checks); warnings and
  // decisions only advise, so a design's outcome does not need them.
  const designRules = rules.filter((r) => r.stage === 'design');
  const pickEngine = compileRules(designRules.filter((r) => r.event.technology), remember);
  const adviceEngine = compileRules(designRules.filter((r) => !r.event.technology), remember);
  const producers = buildProducers(requirementRules, index);
  const ruleDetected = new Set(rules.flatMap((r) => (r.event.warning?.pitfall ? [r.event.warning.pitfall] : [])));
  const costs = options.costs ?? defaultCosts();
  const byOrder = (a: string, b: string) => index.order(a) - index.order(b);

  /** Requirements to a sized, validated design: the rules, closure, technology picks and the checks. */
  async function design(requirements: Requirements, edits: readonly DesignEdit[]) {
    const facts: Facts = deriveFacts(requirements);
    const run = await requirementEngine.run(facts);
    const draft = new DesignDraft();
    const out: Collected = { warnings: [], technologies: [], decisions: [] };
    for (const fired of run.fired) applyRule(fired, facts, draft, out);
    applyAdds(draft, index, edits);
    closeCapabilities(draft, index);
    primitivesForCapabilities(draft, providers);
    addPatternPrimitives(draft, index, providers);
    closePrimitives(draft, index);
    detectPatterns(draft, index, calledOnly);
    applyDrops(draft, edits);

    const capabilities = draft.ids('capability').sort(byOrder);
    const primitives = draft.ids('primitive').sort(byOrder);
    const patterns = draft.ids('pattern').sort(byOrder);
    // Optional items are "consider" notes: they do not shape the architecture.
    const inDesign = (id: string) => draft.has(id) && draft.get(id)!.need !== 'optional';
    const logReasons = draft.get('P3')?.rules ?? [];
    const chosenComponents = chooseComponents(requirements, facts, { has: inDesign, logReasons });
    const replicasUsed = requirements.replicas ?? (draft.has('P2') ? 3 : 1);
    const designFacts = {
      ...facts,
      capabilities: capabilities.filter(inDesign),
      primitives: primitives.filter(inDesign),
      patterns: patterns.filter(inDesign),
      replicasUsed,
      replicasEven: replicasUsed % 2 === 0,
      components: chosenComponents.map((c) => c.id),
      analyticsIsRecord: analyticsIsRecord(facts),
    };
    for (const fired of (await pickEngine.run(designFacts)).fired) applyRule(fired, designFacts, draft, out);
    const picks = new Map(out.technologies.map((t) => [t.for, t.pick]));
    const sized = buildArchitecture({ r: requirements, facts, has: inDesign, chosen: chosenComponents, technologies: picks, costs });
    const reasoned = (id: string) => ({ id, reasons: draft.get(id)!.reasons, need: draft.get(id)!.need });
    const named = (id: string) => ({ id, name: index.name(id), reasons: draft.get(id)!.reasons, need: draft.get(id)!.need });
    const outcome: DesignOutcome = {
      capabilities: capabilities.map(reasoned),
      primitives: primitives.map(named),
      patterns: patterns.map(named),
      validation: validateDesign(requirements, facts, primitives.filter(inDesign), capabilities.filter(inDesign), costs, sized),
    };
    return { facts, run, draft, out, designFacts, sized, inDesign, outcome, ids: { capabilities, primitives, patterns } };
  }

  return {
    async outcome(requirements) {
      return (await design(requirements, [])).outcome;
    },
    async assess(requirements, options = {}) {
      const { facts, run, draft, out, designFacts, sized, inDesign, outcome, ids } = await design(requirements, options.edits ?? []);
      // Advice only: near misses, then conflicts ahead of the design-stage warnings, as the rules ran.
      const misses = nearMisses(draft, index);
      out.warnings.push(...conflictWarnings(draft, index));
      for (const fired of (await adviceEngine.run(designFacts)).fired) applyRule(fired, designFacts, draft, out);
      // Items a requirement or rule asked for come before those that closure or §5.12 brought in.
      const direct = (id: string) => draft.isDirect(id) && inDesign(id);
      const relevant = (list: string[]) => [...list.filter(direct), ...list.filter((id) => !direct(id))];
      const chosen = relevant([...ids.patterns, ...ids.capabilities, ...ids.primitives]);
      const partial = {
        capabilities: outcome.capabilities,
        primitives: outcome.primitives,
        patterns: outcome.patterns,
        nearMisses: misses,
        validation: outcome.validation,
        warnings: selectWarnings({ ruleMade: out.warnings, chosen, direct, ruleDetected, reasonOf: (id) => draft.get(id)?.reasons[0] ?? '' }, index),
        obligations: selectObligations(relevant(ids.patterns.filter(inDesign)), chosen.filter(inDesign), index),
        technologies: out.technologies,
        architecture: sized.architecture,
      };
      const assessment: Assessment = { ...partial, summary: summarize(partial, sized, out.decisions) };
      const ctx: ExplainContext = { index, draft, run, facts, producers, calledOnly };
      return { assessment, why: (id) => why(ctx, id), whyNot: (id) => whyNot(ctx, id) };
    },
  };
}
