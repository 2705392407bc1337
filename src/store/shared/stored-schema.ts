import * as z from 'zod';
import { PlanRecord } from '../../dialog/plan/plan-record.ts';
import { DesignEdit } from '../../rules/design-edits.ts';

/**
 * The shapes Quorum writes to its store files, checked with zod whenever a file is loaded.
 * Every file carries `schemaVersion` so a later Quorum can migrate old files.
 */
export const storeSchemaVersion = 1 as const;

const SchemaVersion = z.literal(storeSchemaVersion);

/** Where a channel's conversations live (platform + workspace + channel). */
export const StoredChannelKey = z.object({
  platform: z.string(),
  workspace: z.string(),
  channel: z.string(),
});

/** One thread of one channel. */
export const StoredThreadKey = StoredChannelKey.extend({ thread: z.string() });

// Requirements and assessments are kept as plain JSON objects, not re-checked against
// today's rule schemas: a saved version is a record of what was assessed at the time,
// and a newer rule set must not make old history unreadable.
const JsonObject = z.record(z.string(), z.unknown());

/** One saved version of a design. */
export const StoredDesignVersion = z.object({
  version: z.number().int().positive(),
  requirements: JsonObject,
  assessment: JsonObject,
  answeredBy: z.record(z.string(), z.string()),
  savedBy: z.string(),
  savedAt: z.string(),
  cause: z.string(),
  edits: z.array(DesignEdit).optional(),
});

/** A thread's design with its history. */
export const StoredDesign = z.object({
  id: z.string().min(1),
  key: StoredThreadKey,
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  versions: z.array(StoredDesignVersion).min(1),
  plan: PlanRecord.optional(),
});

/** A thread's dialog session. */
export const StoredSessionEntry = z.object({
  thread: z.string(),
  state: z.unknown(),
  version: z.number().int().positive(),
  updatedAt: z.string(),
});

/**
 * One thread's document (lowdb): the design without its versions, and the dialog session. The versions
 * live beside it in an append-only log of StoredDesignVersion lines (see thread-file.ts).
 */
export const ThreadFileData = z.object({
  schemaVersion: SchemaVersion,
  key: StoredThreadKey,
  design: StoredDesign.omit({ versions: true }).optional(),
  session: StoredSessionEntry.omit({ thread: true }).optional(),
});
export type ThreadFileData = z.infer<typeof ThreadFileData>;

/** The older layout's channel file (every thread of one channel in one file): still read, and migrated on open. */
export const ChannelFileData = z.object({
  schemaVersion: SchemaVersion,
  key: StoredChannelKey,
  designs: z.array(StoredDesign),
  sessions: z.array(StoredSessionEntry),
});
export type ChannelFileData = z.infer<typeof ChannelFileData>;

/** The Slack event ids already handled, each with the time its claim expires (ms since epoch). */
export const DedupFileData = z.object({
  schemaVersion: SchemaVersion,
  claims: z.array(z.object({ id: z.string(), expiresAt: z.number() })),
});
export type DedupFileData = z.infer<typeof DedupFileData>;

/** Slack OAuth installations, by the key the Slack adapter chooses. */
export const InstallationsFileData = z.object({
  schemaVersion: SchemaVersion,
  installations: z.array(z.object({ key: z.string(), installation: z.unknown() })),
});
export type InstallationsFileData = z.infer<typeof InstallationsFileData>;

/** One line of an index log: a design, where it lives, and (in a user's log) that the user saved a version of it. */
export const IndexLine = z.object({ channel: z.string(), thread: z.string(), design: z.string() });
export type IndexLine = z.infer<typeof IndexLine>;
