import * as z from 'zod';

/** How much a stated requirement depends on an item (essential = it fails without it). */
const Need = z.enum(['essential', 'recommended', 'optional']);

/** One recommended item, the answers or rules that put it in the design, and how much it is needed. */
const Reasoned = z.object({ id: z.string(), reasons: z.array(z.string()).min(1), need: Need });
const ReasonedNamed = Reasoned.extend({ name: z.string() });

/** One line of the cost breakdown. */
const CostLine = z.object({ item: z.string(), usd: z.number(), formula: z.string() });

/** One validation figure: what was required, what the model computed, and the formula with numbers. */
export const Check = z.object({
  id: z.string(),
  required: z.union([z.number(), z.string(), z.null()]),
  calculated: z.union([z.number(), z.string(), z.null()]),
  unit: z.string(),
  /** null when the requirement was not given: the figure is shown, not judged. */
  pass: z.boolean().nullable(),
  explain: z.string(),
  /** The cost check's drivers, largest first. */
  breakdown: z.array(CostLine).optional(),
});
export type Check = z.infer<typeof Check>;

/** The system as boxes and arrows, each box sized and with the reason it exists. */
const Architecture = z.object({
  components: z.array(
    z.object({
      id: z.string(),
      role: z.string(),
      technology: z.string(),
      count: z.number(),
      primitives: z.array(z.string()),
      sizing: z.record(z.string(), z.union([z.number(), z.string()])),
      reasons: z.array(z.string()).min(1),
    }),
  ),
  edges: z.array(z.object({ from: z.string(), to: z.string(), label: z.string().optional() })),
});

/** The judgement read first: verdict, headline figures, top risks, and the decisions with their simpler alternatives. */
const Summary = z.object({
  verdict: z.string(),
  headline: z.array(z.string()),
  topRisks: z.array(z.string()).max(3),
  decisions: z.array(z.object({ decision: z.string(), alternative: z.string(), why: z.string() })),
});

/** The output of `assess` (interface.md "assess output"). */
export const Assessment = z.object({
  capabilities: z.array(Reasoned),
  primitives: z.array(ReasonedNamed),
  patterns: z.array(ReasonedNamed),
  nearMisses: z.array(z.object({ pattern: z.string(), missing: z.array(z.string()) })),
  validation: z.object({ pass: z.boolean(), checks: z.array(Check) }),
  warnings: z.array(z.object({ id: z.string(), severity: z.enum(['high', 'medium', 'low']), message: z.string(), why: z.string() })),
  obligations: z.array(z.object({ pattern: z.string(), text: z.string() })),
  technologies: z.array(z.object({ for: z.string(), pick: z.string(), why: z.string() })),
  summary: Summary,
  architecture: Architecture,
});
export type Assessment = z.infer<typeof Assessment>;
