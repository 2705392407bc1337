import * as z from 'zod';
import { OperatorFault } from '../../errors.ts';
import type { Design, DesignSummary, StoredSession, ThreadKey } from '../../dialog/ports/design-store.ts';
import { fromPgKey } from './pg-values.ts';
import { StoredDesign } from '../shared/stored-schema.ts';

/**
 * A row Quorum cannot read back (edited by hand, or written by something else).
 * Quorum never rewrites it; the operator fixes or deletes it.
 */
export class PostgresRowError extends OperatorFault {
  readonly table: string;

  constructor(table: string, problem: string) {
    super('store_corrupt', `A row of the Postgres table ${table} does not have the shape Quorum writes (${problem}). Quorum has not changed it. Fix or delete the row, then retry; other conversations keep working.`, {
      where: `table ${table}`,
    });
    this.name = 'PostgresRowError';
    this.table = table;
  }
}

/** Parses one row with `schema`, turning a mismatch into a PostgresRowError that names the table. */
export function parseRow<S extends z.ZodType>(table: string, schema: S, row: unknown): z.infer<S> {
  const parsed = schema.safeParse(row);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new PostgresRowError(table, `${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid'}`);
}

/** What the design query returns: the design's columns and its versions as one JSON array. */
export const DesignRow = z.object({
  id: z.string(),
  platform: z.string(),
  workspace: z.string(),
  channel: z.string(),
  thread: z.string(),
  title: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  versions: z.array(z.unknown()),
  plan: z.unknown().optional(),
});

/** The thread key a row stores (see pgKey). */
function keyFromRow(r: { platform: string; workspace: string; channel: string; thread: string }): ThreadKey {
  return { platform: fromPgKey(r.platform), workspace: fromPgKey(r.workspace), channel: fromPgKey(r.channel), thread: fromPgKey(r.thread) };
}

/** A version row as JSON, without the `edits` that versions saved before hand edits (or without any) hold as null. */
function withoutNullEdits(version: unknown): unknown {
  if (typeof version !== 'object' || version === null || (version as { edits?: unknown }).edits !== null) return version;
  const { edits: _none, ...rest } = version as Record<string, unknown>;
  return rest;
}

/** Turns a design row into a Design, checking every version against the stored-design schema. */
export function toDesign(row: unknown): Design {
  const r = parseRow('designs', DesignRow, row);
  const design = parseRow('design_versions', StoredDesign, {
    id: r.id,
    key: keyFromRow(r),
    title: r.title,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    versions: r.versions.map(withoutNullEdits),
    ...(r.plan !== null && r.plan !== undefined && { plan: r.plan }),
  });
  // Requirements and assessments come back as the JSON objects an earlier save was given
  // (see stored-schema.ts for why they are not re-checked against today's rule schemas).
  return design as unknown as Design;
}

/** What the listing queries return for one design. */
export const SummaryRow = z.object({
  id: z.string(),
  platform: z.string(),
  workspace: z.string(),
  channel: z.string(),
  thread: z.string(),
  title: z.string(),
  latest_version: z.number().int().positive(),
  updated_at: z.string(),
  saved_by: z.string(),
});

/** Turns a listing row into a DesignSummary. */
export function toSummary(row: unknown): DesignSummary {
  const r = parseRow('designs', SummaryRow, row);
  return {
    id: r.id,
    key: keyFromRow(r),
    title: r.title,
    latestVersion: r.latest_version,
    updatedAt: r.updated_at,
    savedBy: r.saved_by,
  };
}

/** One row of `sessions`, as selected. */
export const SessionRow = z.object({
  version: z.number().int().positive(),
  state: z.unknown(),
  updated_at: z.date(),
});

/** Turns a session row into a StoredSession. */
export function toSession(row: unknown): StoredSession {
  const r = parseRow('sessions', SessionRow, row);
  return { state: r.state, version: r.version, updatedAt: r.updated_at.toISOString() };
}
