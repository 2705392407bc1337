import * as z from 'zod';

/** The kinds of catalog entry, in the order `list` and search present them. */
export const entryKinds = [
  'law',
  'capability',
  'primitive',
  'pattern',
  'pitfall',
  'case-study',
  'obligation',
  'path',
] as const;
export const EntryKind = z.enum(entryKinds);
export type EntryKind = z.infer<typeof EntryKind>;

const text = z.string().trim().min(1);
const idList = z.array(text).default([]);

/** A formula as the framework states it, with the meaning of its symbols. */
export const Formula = z.strictObject({
  name: text,
  expression: text,
  where: z.string().optional(),
});

/** A number the framework gives as a trigger, limit or target. */
export const Threshold = z.strictObject({
  metric: text,
  value: text,
  note: z.string().optional(),
});

/** Prose about when and how to use an entry; every list is optional. */
export const Details = z.strictObject({
  whenToUse: z.array(text).default([]),
  whenNotToUse: z.array(text).default([]),
  tradeoffs: z.array(text).default([]),
  failureModes: z.array(text).default([]),
  notes: z.array(text).default([]),
});

const base = {
  id: text,
  name: text,
  aliases: z.array(text).default([]),
  summary: text,
  details: Details.default({ whenToUse: [], whenNotToUse: [], tradeoffs: [], failureModes: [], notes: [] }),
  formulas: z.array(Formula).default([]),
  thresholds: z.array(Threshold).default([]),
};

export const Law = z.strictObject({
  ...base,
  kind: z.literal('law'),
  number: z.string().regex(/^L([1-9]|1[0-5])$/),
  /** Capabilities, primitives or patterns whose design this law limits. */
  constrains: idList,
});

export const Capability = z.strictObject({
  ...base,
  kind: z.literal('capability'),
  category: z.enum([
    'consistency',
    'ordering',
    'durability',
    'performance',
    'availability',
    'security',
    'scalability',
    'observability',
  ]),
  measurement: text,
  /** Primitives that provide this capability (mirrored by primitive.provides). */
  providedBy: idList,
  /** Capabilities this one depends on. */
  requires: idList,
  /** Capabilities that cannot be fully had together with this one (symmetric). */
  excludes: idList,
});

export const Primitive = z.strictObject({
  ...base,
  kind: z.literal('primitive'),
  plane: z.enum(['edge', 'service', 'state', 'control']),
  /** Capabilities this primitive provides (mirrored by capability.providedBy). */
  provides: idList,
  trigger: text,
  /** Each inner list is "one of these must also be present" (P19 needs P3 or P14). */
  requires: z.array(z.array(text).min(1)).default([]),
  /** Primitives it clashes with (symmetric), with the reason. */
  conflicts: z.array(z.strictObject({ with: text, reason: text })).default([]),
  implementations: z.array(text).default([]),
  proof: text,
  antiPatterns: z.array(text).default([]),
  capacity: z.string().optional(),
});

export const Pattern = z.strictObject({
  ...base,
  kind: z.literal('pattern'),
  number: z.string().regex(/^M([1-9]|1[0-5])$/),
  primitives: z.array(text).min(1),
  problem: text,
  guarantee: text,
  proofObligation: text,
  cost: text,
});

export const Pitfall = z.strictObject({
  ...base,
  kind: z.literal('pitfall'),
  severity: z.enum(['high', 'medium', 'low']),
  symptoms: text,
  fix: text,
  /** Catalog entries (any kind) this pitfall concerns. */
  related: idList,
});

export const CaseStudy = z.strictObject({
  ...base,
  kind: z.literal('case-study'),
  scale: text,
  /** Catalog entries (any kind) the case study illustrates. */
  related: idList,
});

export const Obligation = z.strictObject({
  ...base,
  kind: z.literal('obligation'),
  method: text,
  frequency: text,
  alert: text,
  /** Catalog entries (any kind) this obligation proves. */
  related: idList,
});

export const PathStep = z.strictObject({ title: text, weeks: z.string().optional(), entries: z.array(text).min(1) });

export const LearningPath = z.strictObject({
  ...base,
  kind: z.literal('path'),
  duration: text,
  outcome: text,
  steps: z.array(PathStep).min(1),
});

export const Entry = z.discriminatedUnion('kind', [
  Law,
  Capability,
  Primitive,
  Pattern,
  Pitfall,
  CaseStudy,
  Obligation,
  LearningPath,
]);

export type Law = z.infer<typeof Law>;
export type Capability = z.infer<typeof Capability>;
export type Primitive = z.infer<typeof Primitive>;
export type Pattern = z.infer<typeof Pattern>;
export type Pitfall = z.infer<typeof Pitfall>;
export type CaseStudy = z.infer<typeof CaseStudy>;
export type Obligation = z.infer<typeof Obligation>;
export type LearningPath = z.infer<typeof LearningPath>;
export type Entry = z.infer<typeof Entry>;

/** Which file holds which kind, and how many entries it must have (null: any number ≥ 1). */
export const catalogFiles: ReadonlyArray<{ file: string; kind: EntryKind; count: number | null }> = [
  { file: 'laws.json', kind: 'law', count: 15 },
  { file: 'capabilities.json', kind: 'capability', count: 30 },
  { file: 'primitives.json', kind: 'primitive', count: 20 },
  { file: 'patterns.json', kind: 'pattern', count: 15 },
  { file: 'pitfalls.json', kind: 'pitfall', count: null },
  { file: 'case-studies.json', kind: 'case-study', count: null },
  { file: 'obligations.json', kind: 'obligation', count: null },
  { file: 'paths.json', kind: 'path', count: 3 },
];
