import { Engine, type RuleResult } from 'json-rules-engine';
import type { ConditionResult } from './explain.ts';
import type { LoadedRule } from './rule-schema.ts';

/** The outcome of one run: the rules that fired and those that did not, with each condition's fact value and result. */
export interface RuleRun {
  fired: Array<{ rule: LoadedRule; conditions: ConditionResult }>;
  failed: Map<string, ConditionResult>;
}

/** A json-rules-engine Engine built once over a set of rules, run once per assessment. */
export interface CompiledRules {
  run(facts: Record<string, unknown>): Promise<RuleRun>;
}

/** Builds the engine for these rules (undefined facts are allowed: an unanswered question fails its conditions). */
export function compileRules(rules: readonly LoadedRule[]): CompiledRules {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator<unknown, boolean>('given', (fact, given) => (fact !== undefined && fact !== null) === given);
  const byId = new Map(rules.map((r) => [r.id, r]));
  const position = new Map(rules.map((r, i) => [r.id, i]));
  for (const rule of rules) {
    engine.addRule({ name: rule.id, conditions: rule.conditions as never, event: { type: rule.id } });
  }
  return {
    async run(facts) {
      const { results, failureResults } = await engine.run(facts);
      const fired = results
        .map((r: RuleResult) => ({ rule: byId.get(r.name)!, conditions: r.conditions as unknown as ConditionResult }))
        .sort((a, b) => position.get(a.rule.id)! - position.get(b.rule.id)!);
      const failed = new Map(failureResults.map((r: RuleResult) => [r.name, r.conditions as unknown as ConditionResult]));
      return { fired, failed };
    },
  };
}
