import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import type { Catalog } from '../catalog/catalog.ts';
import { designStageFacts, requirementStageFacts } from './facts.ts';
import { RuleData, RuleFile, type Condition, type LoadedRule, type RuleStage } from './rule-schema.ts';
import { dataPath } from '../project-paths.ts';
import { checkData, parseJsonNoting } from '../checked-data.ts';
import { checkedOnce } from '../checked-once.ts';

/** The rule files, in the order their rules run and their results are listed. */
export const ruleFiles: ReadonlyArray<{ file: string; stage: RuleStage }> = [
  { file: 'consistency.json', stage: 'requirements' },
  { file: 'domains.json', stage: 'requirements' },
  { file: 'scale.json', stage: 'requirements' },
  { file: 'availability.json', stage: 'requirements' },
  { file: 'latency.json', stage: 'requirements' },
  { file: 'ordering.json', stage: 'requirements' },
  { file: 'features.json', stage: 'requirements' },
  { file: 'patterns.json', stage: 'requirements' },
  { file: 'technologies.json', stage: 'design' },
  { file: 'warnings.json', stage: 'design' },
  { file: 'decisions.json', stage: 'design' },
];

/** The folder holding the rule files of this checkout. */
export const defaultRulesDir = dataPath('rules');

/** Which patterns the §5.12 detection may recommend without a rule calling for them (data/rules/pattern-detection.json). */
export const PatternDetection = z.strictObject({ note: z.string().optional(), calledOnly: z.array(z.string().min(1)) });
export type PatternDetection = z.infer<typeof PatternDetection>;

/** Reads one table of the rules folder and checks it with its schema; a missing, malformed or invalid file is a RuleDataError naming it. */
function readRuleTable<S extends z.ZodType>(schema: S, file: string, dir: string = defaultRulesDir): z.output<S> {
  try {
    const text = readFileSync(join(dir, file), 'utf8');
    return checkData(`rules/${file}`, text, () => schema.parse(JSON.parse(text), checkedOnce));
  } catch (err) {
    throw new RuleDataError([`${file}: ${(err as Error).message}`]);
  }
}

/** Reads the pattern-detection policy; unknown pattern ids are a RuleDataError. */
export function loadPatternDetection(options: { dir?: string; catalog?: Catalog } = {}): PatternDetection {
  const file = 'pattern-detection.json';
  const parsed = readRuleTable(PatternDetection, file, options.dir);
  const unknown = parsed.calledOnly.filter((id) => options.catalog && options.catalog.get(id)?.kind !== 'pattern');
  if (unknown.length) throw new RuleDataError(unknown.map((id) => `${file}: '${id}' is not a pattern of the catalog`));
  return parsed;
}

/** A rule file that cannot be used; the message names every file and rule at fault. */
export class RuleDataError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`the rules data is broken:\n- ${problems.join('\n- ')}`);
    this.name = 'RuleDataError';
    this.problems = problems;
  }
}

function leaves(condition: Condition): Array<{ fact: string; operator: string; value: unknown }> {
  if ('fact' in condition) return [condition];
  if ('all' in condition) return condition.all.flatMap(leaves);
  if ('any' in condition) return condition.any.flatMap(leaves);
  return leaves(condition.not);
}

const placeholder = /\{([A-Za-z]+)\}/g;

/** Problems a rule has beyond its shape: unknown facts, unknown catalog ids, bad placeholders. */
function ruleProblems(rule: RuleData, stage: RuleStage, catalog: Catalog | undefined): string[] {
  const facts = stage === 'design' ? designStageFacts : requirementStageFacts;
  const problems: string[] = [];
  for (const leaf of leaves(rule.conditions)) {
    if (!facts.has(leaf.fact)) problems.push(`condition names unknown fact '${leaf.fact}'`);
    if (leaf.operator === 'given' && typeof leaf.value !== 'boolean') problems.push(`operator 'given' takes true or false`);
  }
  for (const [, name] of rule.event.reason.matchAll(placeholder)) {
    if (name && !facts.has(name)) problems.push(`reason names unknown fact '{${name}}'`);
  }
  const adds = rule.event.capabilities.length + rule.event.primitives.length + rule.event.patterns.length;
  if (stage === 'design' && adds > 0) problems.push('design-stage rules may only add technologies, warnings and decisions');
  if (catalog) {
    const kinds = [
      ['capabilities', 'capability'],
      ['primitives', 'primitive'],
      ['patterns', 'pattern'],
    ] as const;
    for (const [field, kind] of kinds) {
      for (const id of rule.event[field]) {
        if (catalog.get(id)?.kind !== kind) problems.push(`event.${field} names '${id}', which is not a ${kind} of the catalog`);
      }
    }
    const pitfall = rule.event.warning?.pitfall;
    if (pitfall && catalog.get(pitfall)?.kind !== 'pitfall') problems.push(`event.warning.pitfall names '${pitfall}', which is not a pitfall of the catalog`);
  }
  return problems;
}

/** The rules of one rule file's text that pass their schema; each problem found is noted in `problems`. */
function parseRuleFile(text: string, file: string, problems: string[]): RuleData[] {
  const raw = parseJsonNoting(text, file, problems);
  if (raw === undefined) return [];
  const list = RuleFile.safeParse(raw, checkedOnce);
  if (!list.success) {
    problems.push(`${file}: ${list.error.issues.map((i) => i.message).join('; ')}`);
    return [];
  }
  const rules: RuleData[] = [];
  list.data.forEach((entry, index) => {
    const name = typeof (entry as { id?: unknown })?.id === 'string' ? (entry as { id: string }).id : `#${index}`;
    const parsed = RuleData.safeParse(entry, checkedOnce);
    if (parsed.success) {
      rules.push(parsed.data);
      return;
    }
    for (const issue of parsed.error.issues) problems.push(`${file}: rule ${name}: ${issue.path.join('.') || '(rule)'}: ${issue.message}`);
  });
  return rules;
}

/**
 * Reads and validates every rule file (zod shape, known facts, unique ids, catalog ids when a catalog
 * is given). Throws a RuleDataError naming file and rule for every problem found.
 */
export function loadRules(options: { dir?: string; catalog?: Catalog } = {}): LoadedRule[] {
  const dir = options.dir ?? defaultRulesDir;
  const rules: LoadedRule[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const { file, stage } of ruleFiles) {
    let text: string;
    try {
      text = readFileSync(join(dir, file), 'utf8');
    } catch (err) {
      problems.push(`${file}: cannot be read as JSON (${(err as Error).message})`);
      continue;
    }
    for (const rule of checkData(`rules/${file}`, text, () => parseRuleFile(text, file, problems), problems)) {
      const other = seen.get(rule.id);
      if (other) problems.push(`${file}: rule ${rule.id}: the id is already used in ${other}`);
      seen.set(rule.id, file);
      for (const p of ruleProblems(rule, stage, options.catalog)) problems.push(`${file}: rule ${rule.id}: ${p}`);
      rules.push({ ...rule, file, stage });
    }
  }
  if (problems.length > 0) throw new RuleDataError(problems);
  return rules;
}

/** How the smallest design provides each capability, and pattern primitives kept off the data path (data/rules/providers.json). */
export const Providers = z.strictObject({
  note: z.string().optional(),
  capabilityProviders: z.record(z.string(), z.strictObject({ primitive: z.string().nullable(), how: z.string().min(1) })),
  patternPrimitivesOffPath: z.record(z.string(), z.array(z.string())),
});
export type Providers = z.infer<typeof Providers>;

/** Reads the providers table; unknown capability, primitive or pattern ids are a RuleDataError. */
export function loadProviders(options: { dir?: string; catalog?: Catalog } = {}): Providers {
  const file = 'providers.json';
  const parsed = readRuleTable(Providers, file, options.dir);
  const catalog = options.catalog;
  if (!catalog) return parsed;
  const problems: string[] = [];
  for (const [capability, provider] of Object.entries(parsed.capabilityProviders)) {
    if (catalog.get(capability)?.kind !== 'capability') problems.push(`${file}: '${capability}' is not a capability of the catalog`);
    if (provider.primitive !== null && catalog.get(provider.primitive)?.kind !== 'primitive') problems.push(`${file}: '${provider.primitive}' is not a primitive of the catalog`);
  }
  for (const [pattern, primitives] of Object.entries(parsed.patternPrimitivesOffPath)) {
    if (catalog.get(pattern)?.kind !== 'pattern') problems.push(`${file}: '${pattern}' is not a pattern of the catalog`);
    for (const p of primitives) if (catalog.get(p)?.kind !== 'primitive') problems.push(`${file}: '${p}' is not a primitive of the catalog`);
  }
  if (problems.length) throw new RuleDataError(problems);
  return parsed;
}
