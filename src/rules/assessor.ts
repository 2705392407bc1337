import type { Catalog } from '../catalog/catalog.ts';
import type { Assessment } from './assessment.ts';
import { indexCatalog, type CatalogIndex } from './catalog-index.ts';
import { closeCapabilities, closePrimitives, conflictWarnings, primitivesForCapabilities } from './closure.ts';
import { defaultCosts, type CostTable } from './costs.ts';
import { DesignDraft, type ItemKind } from './design-draft.ts';
import type { DesignEdit } from './design-edits.ts';
import { renderTemplate } from './explain.ts';
import { buildProducers, why, whyNot, type ExplainContext } from './explanations.ts';
import { deriveFacts, type Facts } from './facts.ts';
import { selectObligations } from './obligation-selection.ts';
import { addPatternPrimitives, detectPatterns, nearMisses } from './patterns.ts';
import type { Requirements } from './requirements.ts';
import { compileRules } from './rule-engine.ts';
import { loadPatternDetection, loadRules } from './rule-loader.ts';
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

/** Turns requirements into a reasoned, validated design. */
export interface Assessor {
  /** `edits` are primitives and patterns a person added or dropped by hand; they win over the rules. */
  assess(requirements: Requirements, options?: { edits?: readonly DesignEdit[] }): Promise<AssessResult>;
}

type Technology = Assessment['technologies'][number];

/** Rewrites the ids a rule names into the catalog's own spelling. */
function canonicalize(rule: LoadedRule, index: CatalogIndex): LoadedRule {
  const fix = (ids: string[]) => ids.map((id) => index.canonical(id) ?? id);
  return { ...rule, event: { ...rule.event, capabilities: fix(rule.event.capabilities), primitives: fix(rule.event.primitives), patterns: fix(rule.event.patterns) } };
}

function applyRule(rule: LoadedRule, facts: Record<string, unknown>, draft: DesignDraft, warnings: RuleWarning[], technologies: Technology[]): void {
  const text = renderTemplate(rule.event.reason, facts);
  const reason = `${text} (rule ${rule.id}, framework ${rule.source})`;
  const adds: Array<[ItemKind, string[]]> = [
    ['capability', rule.event.capabilities],
    ['primitive', rule.event.primitives],
    ['pattern', rule.event.patterns],
  ];
  for (const [kind, ids] of adds) for (const id of ids) draft.add(kind, id, reason, { rule: rule.id });
  const warning = rule.event.warning;
  if (warning && !warnings.some((w) => w.id === warning.id)) {
    warnings.push({ id: warning.id, severity: warning.severity, message: text, concerns: [], ...(warning.pitfall && { pitfall: warning.pitfall }) });
  }
  const tech = rule.event.technology;
  if (tech && !technologies.some((t) => t.for === tech.for)) technologies.push({ for: tech.for, pick: tech.pick, why: reason });
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
export async function createAssessor(options: { catalog: Catalog; costs?: CostTable; rulesDir?: string }): Promise<Assessor> {
  const index = indexCatalog(options.catalog);
  const rules = loadRules({ catalog: options.catalog, ...(options.rulesDir ? { dir: options.rulesDir } : {}) }).map((r) => canonicalize(r, index));
  const calledOnly = new Set(
    loadPatternDetection({ catalog: options.catalog, ...(options.rulesDir ? { dir: options.rulesDir } : {}) }).calledOnly.map((id) => index.canonical(id) ?? id),
  );
  const requirementRules = rules.filter((r) => r.stage === 'requirements');
  const requirementEngine = compileRules(requirementRules);
  const designEngine = compileRules(rules.filter((r) => r.stage === 'design'));
  const producers = buildProducers(requirementRules, index);
  const ruleDetected = new Set(rules.flatMap((r) => (r.event.warning?.pitfall ? [r.event.warning.pitfall] : [])));
  const costs = options.costs ?? defaultCosts();
  const byOrder = (a: string, b: string) => index.order(a) - index.order(b);

  return {
    async assess(requirements, options = {}) {
      const edits = options.edits ?? [];
      const facts: Facts = deriveFacts(requirements);
      const run = await requirementEngine.run(facts);
      const draft = new DesignDraft();
      const warnings: RuleWarning[] = [];
      const technologies: Technology[] = [];
      for (const { rule } of run.fired) applyRule(rule, facts, draft, warnings, technologies);
      applyAdds(draft, index, edits);
      closeCapabilities(draft, index);
      primitivesForCapabilities(draft, index);
      addPatternPrimitives(draft, index);
      closePrimitives(draft, index);
      detectPatterns(draft, index, calledOnly);
      applyDrops(draft, edits);
      const misses = nearMisses(draft, index);
      warnings.push(...conflictWarnings(draft, index));

      const capabilities = draft.ids('capability').sort(byOrder);
      const primitives = draft.ids('primitive').sort(byOrder);
      const patterns = draft.ids('pattern').sort(byOrder);
      const replicasUsed = requirements.replicas ?? (draft.has('P2') ? 3 : 1);
      const designFacts = { ...facts, capabilities, primitives, patterns, replicasUsed, replicasEven: replicasUsed % 2 === 0 };
      const designRun = await designEngine.run(designFacts);
      for (const { rule } of designRun.fired) applyRule(rule, designFacts, draft, warnings, technologies);
      // Items a requirement or rule asked for come before those that closure or §5.12 brought in.
      const direct = (id: string) => draft.isDirect(id);
      const relevant = (ids: string[]) => [...ids.filter(direct), ...ids.filter((id) => !direct(id))];
      const chosen = relevant([...patterns, ...capabilities, ...primitives]);

      const reasoned = (id: string) => ({ id, reasons: draft.get(id)!.reasons });
      const named = (id: string) => ({ id, name: index.name(id), reasons: draft.get(id)!.reasons });
      const assessment: Assessment = {
        capabilities: capabilities.map(reasoned),
        primitives: primitives.map(named),
        patterns: patterns.map(named),
        nearMisses: misses,
        validation: validateDesign(requirements, facts, primitives, capabilities, costs),
        warnings: selectWarnings({ ruleMade: warnings, chosen, direct, ruleDetected }, index),
        obligations: selectObligations(relevant(patterns), chosen, index),
        technologies,
      };
      const ctx: ExplainContext = { index, draft, run, facts, producers, calledOnly };
      return { assessment, why: (id) => why(ctx, id), whyNot: (id) => whyNot(ctx, id) };
    },
  };
}
