import * as z from 'zod';

export const domains = [
  'financial',
  'ecommerce',
  'social',
  'analytics',
  'messaging',
  'iot',
  'gaming',
  'content',
  'general',
] as const;
export const consistencies = [
  'linearizable',
  'serializable',
  'causal',
  'read-your-writes',
  'bounded-staleness',
  'eventual',
] as const;
export const orderings = ['none', 'per-key', 'causal', 'total'] as const;

const nonNegative = z.number().finite().nonnegative();
const positive = z.number().finite().positive();
const fraction = z
  .number()
  .finite()
  .gt(0, { message: 'must be between 0 and 1 (a fraction such as 0.999), or a percentage like 99.9%' })
  .lt(1, { message: 'must be between 0 and 1 (a fraction such as 0.999), or a percentage like 99.9%' });

/** The boolean fields of the requirements, in interview order. */
export const booleanFields = [
  'exactlyOnce',
  'auditTrail',
  'eventSourcing',
  'crossServiceTransaction',
  'publishesEvents',
  'multiTenant',
  'highContention',
  'progressiveRollout',
  'unreliableDependencies',
  'search',
  'geoQueries',
  'adHocQueries',
  'staticContent',
  'hotKeys',
  'coordination',
] as const;

/**
 * A team's requirements, as `assess` reads them (interface.md "assess input").
 * Strict: an unknown field is an error that names it.
 */
export const RequirementsShape = z.strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    domain: z.enum(domains).optional(),
    consistency: z.enum(consistencies).optional(),
    stalenessBoundSec: nonNegative.optional(),
    readsPerSec: nonNegative.optional(),
    writesPerSec: nonNegative.optional(),
    peakFactor: z.number().finite().min(1).max(1000, { message: 'must be between 1 and 1000 (how many times the normal rate the peak reaches, e.g. 3x)' }).optional(),
    dataSizeGb: nonNegative.optional(),
    availability: fraction.optional(),
    nodeAvailability: fraction.optional(),
    replicas: z.number().int().min(1).max(100).optional(),
    readLatencyMs: positive.optional(),
    writeLatencyMs: positive.optional(),
    regions: z.number().int().min(1).max(50).optional(),
    rpoSec: nonNegative.optional(),
    rtoSec: nonNegative.optional(),
    budgetUsdPerMonth: nonNegative.optional(),
    ordering: z.enum(orderings).optional(),
    exactlyOnce: z.boolean().optional(),
    auditTrail: z.boolean().optional(),
    eventSourcing: z.boolean().optional(),
    crossServiceTransaction: z.boolean().optional(),
    publishesEvents: z.boolean().optional(),
    multiTenant: z.boolean().optional(),
    highContention: z.boolean().optional(),
    progressiveRollout: z.boolean().optional(),
    unreliableDependencies: z.boolean().optional(),
    queryShapes: z.number().int().nonnegative().optional(),
    search: z.boolean().optional(),
    geoQueries: z.boolean().optional(),
    adHocQueries: z.boolean().optional(),
    staticContent: z.boolean().optional(),
    objectSizeKb: positive.max(1e9, { message: 'must be at most 1e9 KB (1 TB) per item' }).optional(),
    hotKeys: z.boolean().optional(),
    fanOut: nonNegative.max(1e9, { message: 'must be at most 1e9 recipients per write' }).optional(),
    retentionDays: positive.max(365_000, { message: 'must be at most 365000 days (1000 years)' }).optional(),
    dependencies: z.number().int().min(0).max(1000).optional(),
    availabilityZones: z.number().int().min(1).max(10).optional(),
    coordination: z.boolean().optional(),
});

export const Requirements = RequirementsShape.refine((r) => Object.keys(r).some((k) => k !== 'name'), {
    message: 'give at least one requirement besides name (for example domain or writesPerSec)',
  });

export type Requirements = z.infer<typeof Requirements>;
export type RequirementField = keyof Requirements;

/** Every field name `assess` and `set` accept. */
export const requirementFields = Object.keys(RequirementsShape.shape) as RequirementField[];
