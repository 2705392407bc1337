import { Engine, Fact, type RuleResult } from 'json-rules-engine';
import type { ConditionResult } from './explain.ts';
import type { Condition, LoadedRule } from './rule-schema.ts';

/** The outcome of one run: the rules that fired and those that did not, with each condition's fact value and result. */
export interface RuleRun {
  fired: Array<{ rule: LoadedRule; conditions: ConditionResult }>;
  failed: Map<string, ConditionResult>;
}

/** A json-rules-engine Engine built once over a set of rules, run once per assessment. */
export interface CompiledRules {
  run(facts: Record<string, unknown>): Promise<RuleRun>;
}

/** The facts a condition tree reads (leaves compare a fact with a constant, so these are all it depends on). */
function factsRead(condition: Condition): string[] {
  if ('fact' in condition) return [condition.fact];
  if ('all' in condition) return condition.all.flatMap(factsRead);
  if ('any' in condition) return condition.any.flatMap(factsRead);
  return factsRead(condition.not);
}

/**
 * One json-rules-engine Engine over some rules, handed only the facts those rules read. Each fact goes in as a
 * constant `Fact` with the engine's fact cache off: a constant is read from the fact itself, so the cache only
 * cost a hash of every fact on every run (json-rules-engine hashes each runtime fact's cache key as it is added).
 */
function buildEngine(rules: readonly LoadedRule[]) {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator<unknown, boolean>('given', (fact, given) => (fact !== undefined && fact !== null) === given);
  for (const rule of rules) {
    engine.addRule({ name: rule.id, conditions: rule.conditions as never, event: { type: rule.id } });
  }
  const read = [...new Set(rules.flatMap((r) => factsRead(r.conditions)))].sort();
  const uncached = { cache: false };
  return {
    read,
    run(facts: Record<string, unknown>) {
      // An unanswered fact is left out: with allowUndefinedFacts, a missing fact reads as undefined, as before.
      const given: Record<string, Fact> = {};
      for (const id of read) if (facts[id] !== undefined) given[id] = new Fact(id, facts[id], uncached);
      return engine.run(given);
    },
  };
}

/** Builds the engine for these rules (undefined facts are allowed: an unanswered question fails its conditions). */
export function compileRules(rules: readonly LoadedRule[]): CompiledRules {
  const engine = buildEngine(rules);
  const byId = new Map(rules.map((r) => [r.id, r]));
  const position = new Map(rules.map((r, i) => [r.id, i]));
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

/** The rules that fire for some facts, in rule order, without the failed ones (what a design's outcome needs). */
export interface FiringRules {
  fired(facts: Record<string, unknown>): Promise<RuleRun['fired']>;
}

/**
 * A fact value as a key: exact for what rules compare (numbers keep -0, NaN and Infinity apart from null,
 * strings stay apart from numbers and booleans); undefined for a value that is not plain data.
 */
function valueKey(value: unknown): string | undefined {
  if (value === undefined) return '~';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return JSON.stringify(value);
  if (!Array.isArray(value)) return undefined;
  const parts: string[] = [];
  for (const item of value) {
    const key = valueKey(item);
    if (key === undefined) return undefined;
    parts.push(key);
  }
  return `[${parts.join(',')}]`;
}

/**
 * The same rules as `compileRules`, in groups of the rules that read the same facts, each group remembering
 * which of its rules fired for the last `remember` values of those facts. A rule's conditions compare the
 * facts it reads with constants, so a group's result is a function of those values alone: a call re-runs only
 * the groups whose facts changed. The interview's ranking assesses one design ~40 times, each time with one
 * answer changed, so most groups are answered from memory there.
 */
export function compileFiringRules(rules: readonly LoadedRule[], remember: number): FiringRules {
  const bySignature = new Map<string, LoadedRule[]>();
  for (const rule of rules) {
    const signature = [...new Set(factsRead(rule.conditions))].sort().join(',');
    bySignature.set(signature, [...(bySignature.get(signature) ?? []), rule]);
  }
  const groups = [...bySignature.values()].map((members) => ({
    engine: buildEngine(members),
    byId: new Map(members.map((r) => [r.id, r])),
    recent: new Map<string, RuleRun['fired']>(),
  }));
  const position = new Map(rules.map((r, i) => [r.id, i]));

  async function firedIn(group: (typeof groups)[number], facts: Record<string, unknown>): Promise<RuleRun['fired']> {
    const parts: string[] = [];
    for (const id of group.engine.read) {
      const part = valueKey(facts[id]);
      if (part === undefined) return run(group, facts);
      parts.push(part);
    }
    const key = parts.join('\u0000');
    const known = group.recent.get(key);
    if (known) {
      group.recent.delete(key);
      group.recent.set(key, known);
      return known;
    }
    const fired = await run(group, facts);
    group.recent.set(key, fired);
    if (group.recent.size > remember) group.recent.delete(group.recent.keys().next().value!);
    return fired;
  }

  async function run(group: (typeof groups)[number], facts: Record<string, unknown>): Promise<RuleRun['fired']> {
    const { results } = await group.engine.run(facts);
    return results.map((r: RuleResult) => ({ rule: group.byId.get(r.name)!, conditions: r.conditions as unknown as ConditionResult }));
  }

  return {
    async fired(facts) {
      const fired = (await Promise.all(groups.map((g) => firedIn(g, facts)))).flat();
      return fired.sort((a, b) => position.get(a.rule.id)! - position.get(b.rule.id)!);
    },
  };
}
