import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAssessor } from '../../src/rules/assessor.ts';
import { defaultRulesDir, loadRules, RuleDataError, ruleFiles } from '../../src/rules/rule-loader.ts';
import { editedCopy } from '../helpers/edited-copy.ts';
import { thrownBy } from '../helpers/thrown.ts';
import { realCatalog } from './assessor-fixture.ts';

/** A copy of the real rules folder whose `file` is rewritten by `edit`. */
function brokenCopy(file: string, edit: (rules: Array<Record<string, any>>) => unknown): string {
  return editedCopy(defaultRulesDir, 'quorum-rules-', file, edit);
}

/** The message of the RuleDataError that loading the rules in `dir` must throw. */
function problemsOf(dir: string): string {
  return thrownBy(RuleDataError, () => loadRules({ dir, catalog: realCatalog() })).message;
}

describe('rule loading', () => {
  it('accepts the shipped rules, every one with an id, a framework source and a description', () => {
    const rules = loadRules({ catalog: realCatalog() });
    expect(rules.length).toBeGreaterThan(40);
    expect(new Set(rules.map((r) => r.file))).toEqual(new Set(ruleFiles.map((f) => f.file)));
    for (const rule of rules) {
      expect(rule.source).toMatch(/^(R\d+|§)/);
      expect(rule.description.length).toBeGreaterThan(10);
    }
  });

  it('encodes the framework decisions the issue lists', () => {
    const sources = loadRules().map((r) => r.source).join(' ');
    for (const r of ['R8', 'R9', 'R10', 'R11', 'R12', 'R13', 'R14', 'R15', 'R16', 'R17', 'R18', 'R23', 'R24', 'R25', 'R26', 'R29', 'R32', 'R33', 'R35', 'R40', 'R41', 'R42', 'R44', 'R60']) {
      expect(sources).toMatch(new RegExp(`\\b${r}\\b`));
    }
  });

  it('rejects a condition on an unknown fact, naming the file and the rule', () => {
    const dir = brokenCopy('scale.json', (rules) => {
      rules[0]!.conditions = { all: [{ fact: 'writesPerSecond', operator: 'greaterThan', value: 20000 }] };
    });
    const message = problemsOf(dir);
    expect(message).toContain('scale.json: rule partition-when-needed');
    expect(message).toContain("unknown fact 'writesPerSecond'");
  });

  it('rejects a warning that names as its pitfall an entry that is not a catalog pitfall', () => {
    const dir = brokenCopy('warnings.json', (rules) => {
      rules[0]!.event.warning.pitfall = 'P5';
    });
    expect(problemsOf(dir)).toMatch(/warnings\.json: rule even-consensus-voters: event\.warning\.pitfall names 'P5'/);
  });

  it('rejects an event naming something the catalog does not have', () => {
    const dir = brokenCopy('features.json', (rules) => {
      rules[0]!.event.primitives = ['P99'];
    });
    expect(problemsOf(dir)).toMatch(/features\.json: rule exactly-once: event\.primitives names 'P99'/);
  });

  it('rejects a rule without a framework source or with an unknown operator', () => {
    const dir = brokenCopy('latency.json', (rules) => {
      delete rules[0]!.source;
      rules[1]!.conditions.all[0].operator = 'roughly';
    });
    const message = problemsOf(dir);
    expect(message).toContain('latency.json: rule read-latency-sub-ms: source');
    expect(message).toContain('latency.json: rule read-latency-tail: conditions');
  });

  it('rejects a duplicate rule id and a file that is not JSON', () => {
    const dir = brokenCopy('ordering.json', (rules) => {
      rules[1]!.id = 'ordering-per-key';
    });
    writeFileSync(join(dir, 'domains.json'), '[{ not json');
    const message = problemsOf(dir);
    expect(message).toContain('ordering.json: rule ordering-per-key: the id is already used in ordering.json');
    expect(message).toContain('domains.json: cannot be read as JSON');
  });

  it('rejects a design-stage rule that tries to add a primitive, and a reason naming an unknown fact', () => {
    const dir = brokenCopy('technologies.json', (rules) => {
      rules[0]!.event.primitives = ['P1'];
      rules[1]!.event.reason = 'because {mood}';
    });
    const message = problemsOf(dir);
    expect(message).toContain('technologies.json: rule tech-distributed-sql: design-stage rules may only add technologies, warnings and decisions');
    expect(message).toContain("technologies.json: rule tech-single-leader-strong: reason names unknown fact '{mood}'");
  });

  it('makes createAssessor fail on broken rules', async () => {
    const dir = brokenCopy('consistency.json', (rules) => {
      rules[0]!.event = { reason: 'nothing' };
    });
    await expect(createAssessor({ catalog: realCatalog(), rulesDir: dir })).rejects.toThrow(/consistency\.json: rule domain-financial: event/);
  });
});

describe('the rules note', () => {
  it('lists every rule with its framework source', () => {
    const note = readFileSync(join(defaultRulesDir, 'README.md'), 'utf8');
    for (const rule of loadRules()) expect(note).toContain(`| \`${rule.id}\` | ${rule.source} |`);
  });
});
