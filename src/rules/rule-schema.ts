import * as z from 'zod';

/** The operators a rule condition may use: json-rules-engine's own, plus `given` (is the answer there?). */
export const ruleOperators = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'given',
] as const;
export type RuleOperator = (typeof ruleOperators)[number];

/** One comparison of a fact with a value, as json-rules-engine reads it. */
export const LeafCondition = z.strictObject({
  fact: z.string().min(1),
  operator: z.enum(ruleOperators),
  value: z.union([z.number(), z.string(), z.boolean(), z.array(z.union([z.string(), z.number()]))]),
});
export type LeafCondition = z.infer<typeof LeafCondition>;

/** A condition tree: a leaf, or all / any / not over nested conditions. */
export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    LeafCondition,
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
  ]),
);

/** The top of a rule's conditions must be a group (json-rules-engine's requirement). */
export const TopCondition = z.union([
  z.strictObject({ all: z.array(Condition).min(1) }),
  z.strictObject({ any: z.array(Condition).min(1) }),
  z.strictObject({ not: Condition }),
]);
export type TopCondition = z.infer<typeof TopCondition>;

const ids = z.array(z.string().min(1)).default([]);

/** How much a requirement depends on an item: essential = a stated requirement fails without it. */
export const needs = ['essential', 'recommended', 'optional'] as const;
export type Need = (typeof needs)[number];

/** A decision the summary reports: what was chosen, the simpler alternative considered, and why. */
export const Decision = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  decision: z.string().min(1),
  alternative: z.string().min(1),
  /** Higher comes first in the summary (3–5 are shown). */
  weight: z.number().int().min(0).max(100).default(50),
});
export type Decision = z.infer<typeof Decision>;

/**
 * What a rule adds when it fires. `reason` is a template: `{fact}` is replaced by the fact's value,
 * so the reason names the answers behind the decision.
 */
export const RuleEffect = z
  .strictObject({
    capabilities: ids,
    primitives: ids,
    patterns: ids,
    /** How much the requirement behind this rule depends on what it adds (default essential). */
    need: z.enum(needs).default('essential'),
    technology: z.strictObject({ for: z.string().min(1), pick: z.string().min(1) }).optional(),
    decision: Decision.optional(),
    /** A warning; `pitfall` names the catalog pitfall it is a case of, whose generic warning it replaces. */
    warning: z
      .strictObject({
        id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
        severity: z.enum(['high', 'medium', 'low']),
        pitfall: z.string().min(1).optional(),
      })
      .optional(),
    reason: z.string().min(1),
  })
  .refine(
    (e) => e.capabilities.length + e.primitives.length + e.patterns.length > 0 || e.technology || e.warning || e.decision,
    { message: 'the event adds nothing: give capabilities, primitives, patterns, technology, warning or decision' },
  );
export type RuleEffect = z.infer<typeof RuleEffect>;

/** One decision of the framework, as data: where it comes from, when it fires, and what it adds. */
export const RuleData = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'rule ids are kebab-case, e.g. scale-writes' }),
  source: z
    .string()
    .regex(/^(R\d+|§\d+(\.\d+)*)(\/(R\d+|§\d+(\.\d+)*))*$/, { message: 'source names framework rules, e.g. R23 or R1/R8 or §5.8' }),
  description: z.string().min(1),
  conditions: TopCondition,
  event: RuleEffect,
});
export type RuleData = z.infer<typeof RuleData>;

/** A rule file: a non-empty array of rules. */
export const RuleFile = z.array(z.unknown()).min(1, { message: 'a rule file holds at least one rule' });

/** The two moments rules run: on the requirements alone, and on the finished design (technologies, warnings). */
export type RuleStage = 'requirements' | 'design';

/** A validated rule with the file it came from and the stage it runs in. */
export interface LoadedRule extends RuleData {
  file: string;
  stage: RuleStage;
}
