import { z } from 'zod';

/** One recommended item and the answers or rules that put it in the design. */
const Reasoned = z.object({ id: z.string(), reasons: z.array(z.string()).min(1) });
const ReasonedNamed = Reasoned.extend({ name: z.string() });

/** One validation figure: what was required, what the model computed, and the formula with numbers. */
export const Check = z.object({
  id: z.string(),
  required: z.union([z.number(), z.string(), z.null()]),
  calculated: z.union([z.number(), z.string(), z.null()]),
  unit: z.string(),
  /** null when the requirement was not given: the figure is shown, not judged. */
  pass: z.boolean().nullable(),
  explain: z.string(),
});
export type Check = z.infer<typeof Check>;

/** The output of `assess` (interface.md "assess output"). */
export const Assessment = z.object({
  capabilities: z.array(Reasoned),
  primitives: z.array(ReasonedNamed),
  patterns: z.array(ReasonedNamed),
  nearMisses: z.array(z.object({ pattern: z.string(), missing: z.array(z.string()) })),
  validation: z.object({ pass: z.boolean(), checks: z.array(Check) }),
  warnings: z.array(z.object({ id: z.string(), severity: z.enum(['high', 'medium', 'low']), message: z.string() })),
  obligations: z.array(z.object({ pattern: z.string(), text: z.string() })),
  technologies: z.array(z.object({ for: z.string(), pick: z.string(), why: z.string() })),
});
export type Assessment = z.infer<typeof Assessment>;
