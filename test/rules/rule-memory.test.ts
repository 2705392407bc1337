import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules, type CompiledRules } from '../../src/rules/rule-engine.ts';
import type { LoadedRule } from '../../src/rules/rule-schema.ts';
import { loadRules } from '../../src/rules/rule-loader.ts';
import { realCatalog } from './assessor-fixture.ts';

/** A run as comparable data: the fired rules in order with their conditions, and every failed rule's conditions. */
async function ran(rules: CompiledRules, facts: Record<string, unknown>) {
  const { fired, failed } = await rules.run(facts);
  return { fired: fired.map((f) => [f.rule.id, f.conditions]), failed: [...failed].sort(([a], [b]) => a.localeCompare(b)) };
}

function rule(id: string, conditions: LoadedRule['conditions']): LoadedRule {
  return { id, source: 'R1', description: id, conditions, event: { capabilities: ['X'], primitives: [], patterns: [], need: 'essential', reason: id }, file: 't.json', stage: 'requirements' };
}

describe('rules that remember their recent runs', () => {
  // Values a key could confuse: a number and its string, -0 and 0, NaN, Infinity, null and undefined, lists.
  const rules = [
    rule('is-one', { all: [{ fact: 'a', operator: 'equal', value: 1 }] }),
    rule('is-text-one', { all: [{ fact: 'a', operator: 'equal', value: '1' }] }),
    rule('a-given', { all: [{ fact: 'a', operator: 'given', value: true }] }),
    rule('b-small', { any: [{ fact: 'b', operator: 'lessThan', value: 0 }, { fact: 'a', operator: 'in', value: [2, 3] }] }),
    rule('c-has-x', { not: { fact: 'c', operator: 'doesNotContain', value: 'x' } }),
  ];
  const odd = [1, '1', 0, -0, Number.NaN, Infinity, -Infinity, null, undefined, true, 'true', 2, [], ['x'], ['x', 'y'], 'x,y', ['1'], [1]];

  it('runs as the whole engine does, for values a key could confuse, in any order and again', async () => {
    const whole = compileRules(rules);
    const remembering = compileRules(rules, { remember: 3 });
    for (let round = 0; round < 3; round++) {
      for (const [i, a] of odd.entries()) {
        const facts = { a, b: odd[(i * 5 + round) % odd.length], c: odd[(i * 7 + round) % odd.length] };
        expect(await ran(remembering, facts), JSON.stringify(facts)).toEqual(await ran(whole, facts));
      }
    }
  });

  it('runs the real rulebase as the whole engine does, whatever facts come and however often', async () => {
    const real = loadRules({ catalog: realCatalog() }).filter((r) => r.stage === 'requirements');
    const whole = compileRules(real);
    const remembering = compileRules(real, { remember: 2 });
    const fields = [...new Set(real.flatMap((r) => JSON.stringify(r.conditions).match(/"fact":"[^"]+"/g)!.map((m) => m.slice(8, -1))))];
    const value = fc.constantFrom<unknown>(undefined, 0, 1, 3, 20_000, 1e6, 0.9999, true, false, 'strong', 'eventual', 'financial', 'social', 'total');
    const facts = fc.array(fc.record(Object.fromEntries(fields.map((f) => [f, value]))), { minLength: 1, maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(facts, async (sequence) => {
        for (const f of sequence) expect(await ran(remembering, f)).toEqual(await ran(whole, f));
      }),
      { numRuns: 40 },
    );
  });
});
