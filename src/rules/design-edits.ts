import * as z from 'zod';

/** A primitive or pattern a person put into the design by hand, or took out of it. */
export const DesignEdit = z.strictObject({
  op: z.enum(['add', 'drop']),
  id: z.string().min(1),
  /** Who made the edit (a user id or name), quoted in the item's reason. */
  by: z.string().min(1),
});
export type DesignEdit = z.infer<typeof DesignEdit>;

/**
 * The edits after one more: the newest edit of an id replaces an older one, and an edit that only undoes
 * the previous one (drop what was added by hand) removes it, so the design returns to what the rules say.
 */
export function withEdit(edits: readonly DesignEdit[], edit: DesignEdit): DesignEdit[] {
  const previous = edits.find((e) => e.id === edit.id);
  const rest = edits.filter((e) => e.id !== edit.id);
  if (previous && previous.op !== edit.op) return rest;
  return [...rest, edit];
}
