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

/** One engine over all the rules, run whole each time. */
function singleEngine(rules: readonly LoadedRule[]): CompiledRules {
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

/**
 * Builds the engines for these rules (undefined facts are allowed: an unanswered question fails its conditions).
 * With `remember` > 0 the rules run in groups that remember their recent runs (see rememberingEngines); with 0,
 * as one engine run whole every time.
 */
export function compileRules(rules: readonly LoadedRule[], options: { remember?: number } = {}): CompiledRules {
  const remember = options.remember ?? 0;
  return remember > 0 ? rememberingEngines(rules, remember) : singleEngine(rules);
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

type Fired = RuleRun['fired'][number];
/** One group's part of a run: its rules that fired and those that failed, with their conditions. */
interface GroupRun {
  fired: Fired[];
  failed: Array<[string, ConditionResult]>;
}

/**
 * The rules in groups of the rules that read the same facts, each group remembering
 * its run for the last `remember` values of those facts. A rule's conditions compare the facts it reads with
 * constants, so a group's run is a function of those values alone: a call re-runs only the groups whose facts
 * changed. The interview assesses one design many times with one answer changed (the ranking's ~40 probes,
 * then one assessment an answer), so most groups are answered from memory there.
 */
function rememberingEngines(rules: readonly LoadedRule[], remember: number): CompiledRules {
  const bySignature = new Map<string, LoadedRule[]>();
  for (const rule of rules) {
    const signature = [...new Set(factsRead(rule.conditions))].sort().join(',');
    bySignature.set(signature, [...(bySignature.get(signature) ?? []), rule]);
  }
  const groups = [...bySignature.values()].map((members) => ({
    engine: buildEngine(members),
    byId: new Map(members.map((r) => [r.id, r])),
    recent: new Map<string, GroupRun>(),
  }));
  const position = new Map(rules.map((r, i) => [r.id, i]));
  type Group = (typeof groups)[number];

  async function runGroup(group: Group, facts: Record<string, unknown>): Promise<GroupRun> {
    const { results, failureResults } = await group.engine.run(facts);
    return {
      fired: results.map((r: RuleResult) => ({ rule: group.byId.get(r.name)!, conditions: r.conditions as unknown as ConditionResult })),
      failed: failureResults.map((r: RuleResult) => [r.name, r.conditions as unknown as ConditionResult]),
    };
  }

  /** The group's remembered run for these facts, or the key to remember a new run under (null: not to remember). */
  function recall(group: Group, facts: Record<string, unknown>, keys: Map<string, string | undefined>): GroupRun | string | null {
    let key: string | undefined;
    for (const id of group.engine.read) {
      // Several groups read the same fact (the design's components, say): its key is made once per call.
      let part = keys.get(id);
      if (part === undefined && !keys.has(id)) keys.set(id, (part = valueKey(facts[id])));
      if (part === undefined) return null;
      key = key === undefined ? part : `${key}\u0000${part}`;
    }
    key ??= '';
    const known = group.recent.get(key);
    if (!known) return key;
    group.recent.delete(key);
    group.recent.set(key, known);
    return known;
  }

  async function runAndRemember(group: Group, facts: Record<string, unknown>, key: string | null): Promise<GroupRun> {
    const ran = await runGroup(group, facts);
    if (key === null) return ran;
    group.recent.set(key, ran);
    if (group.recent.size > remember) group.recent.delete(group.recent.keys().next().value!);
    return ran;
  }

  return {
    async run(facts) {
      const keys = new Map<string, string | undefined>();
      const runs: GroupRun[] = [];
      const running: Array<Promise<GroupRun>> = [];
      for (const group of groups) {
        const known = recall(group, facts, keys);
        if (known === null || typeof known === 'string') running.push(runAndRemember(group, facts, known));
        else runs.push(known);
      }
      runs.push(...(await Promise.all(running)));
      // Back into rule order: each rule has its slot, filled by the group it belongs to.
      const firedSlots: Array<Fired | undefined> = new Array(rules.length);
      const failedSlots: Array<[string, ConditionResult] | undefined> = new Array(rules.length);
      for (const { fired, failed } of runs) {
        for (const f of fired) firedSlots[position.get(f.rule.id)!] = f;
        for (const f of failed) failedSlots[position.get(f[0])!] = f;
      }
      const fired: Fired[] = [];
      const failed = new Map<string, ConditionResult>();
      for (let i = 0; i < rules.length; i++) {
        if (firedSlots[i]) fired.push(firedSlots[i]!);
        else if (failedSlots[i]) failed.set(failedSlots[i]![0], failedSlots[i]![1]);
      }
      return { fired, failed };
    },
  };
}
