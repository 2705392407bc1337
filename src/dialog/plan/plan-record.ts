import * as z from 'zod';

/** What a plan item is: a risk (warning), a proof obligation, or a judged check that fails. */
export const planKinds = ['risk', 'obligation', 'check'] as const;
export type PlanKind = (typeof planKinds)[number];

/** Where an item stands: open, accepted with a reason (risks), or done. */
export const planStatuses = ['open', 'accepted', 'done'] as const;
export type PlanStatus = (typeof planStatuses)[number];

/** Who owns an item: the name people read, and the platform user id when the owner was picked or mentioned. */
export const PlanOwner = z.strictObject({ name: z.string().min(1).max(200), user: z.string().optional() });
export type PlanOwner = z.infer<typeof PlanOwner>;

/**
 * One change to one item, kept forever. `version` is the design version that was the latest when
 * the change was made, so the plan of an older version (a milestone) shows only what was decided by then.
 */
export const PlanEvent = z.strictObject({
  item: z.string().min(1),
  action: z.enum(['ack', 'done', 'reopen', 'owner']),
  reason: z.string().max(1000).optional(),
  owner: PlanOwner.optional(),
  by: z.string().min(1),
  at: z.string(),
  version: z.number().int().positive(),
});
export type PlanEvent = z.infer<typeof PlanEvent>;

/** A named design version ("launch review"). */
export const Milestone = z.strictObject({
  name: z.string().min(1).max(100),
  version: z.number().int().positive(),
  by: z.string().min(1),
  at: z.string(),
});
export type Milestone = z.infer<typeof Milestone>;

/**
 * The persisted plan of one design: every item change and every milestone, append-only.
 * `revision` counts successful writes: a write based on an older revision is refused by the store
 * (optimistic concurrency), so of two people changing items at once, the second re-reads and both changes stay.
 */
export const PlanRecord = z.strictObject({
  schemaVersion: z.literal(1),
  revision: z.number().int().nonnegative(),
  events: z.array(PlanEvent),
  milestones: z.array(Milestone),
});
export type PlanRecord = z.infer<typeof PlanRecord>;

/** The plan of a design nobody has worked on yet. */
export function emptyPlan(): PlanRecord {
  return { schemaVersion: 1, revision: 0, events: [], milestones: [] };
}

