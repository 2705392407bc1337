import type { Pool } from 'pg';
import { UserError } from '../../errors.ts';
import { inTransaction } from './pg-values.ts';

/** One schema change, applied once and recorded by its number in `quorum_migrations`. */
export interface Migration {
  version: number;
  sql: string;
}

/**
 * Quorum's Postgres schema, oldest first. Never edit an applied migration; append a new one.
 * Design times are text in "C" collation: they hold exactly the ISO strings the caller saved,
 * as the file store does, and sort by time.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE designs (
        id text PRIMARY KEY,
        platform text NOT NULL,
        workspace text NOT NULL,
        channel text NOT NULL,
        thread text NOT NULL,
        title text NOT NULL,
        latest_version integer NOT NULL CHECK (latest_version > 0),
        created_at text COLLATE "C" NOT NULL,
        updated_at text COLLATE "C" NOT NULL,
        seq bigserial NOT NULL,
        UNIQUE (platform, workspace, channel, thread)
      );
      CREATE INDEX designs_workspace_updated ON designs (platform, workspace, updated_at DESC, seq DESC);

      CREATE TABLE design_versions (
        design_id text NOT NULL REFERENCES designs (id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version > 0),
        requirements jsonb NOT NULL,
        assessment jsonb NOT NULL,
        answered_by jsonb NOT NULL,
        saved_by text NOT NULL,
        saved_at text COLLATE "C" NOT NULL,
        cause text NOT NULL,
        PRIMARY KEY (design_id, version)
      );
      CREATE INDEX design_versions_saved_by ON design_versions (saved_by, design_id);

      CREATE TABLE sessions (
        platform text NOT NULL,
        workspace text NOT NULL,
        channel text NOT NULL,
        thread text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        state jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (platform, workspace, channel, thread)
      );

      CREATE TABLE seen_events (
        id text PRIMARY KEY,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX seen_events_expires_at ON seen_events (expires_at);

      CREATE TABLE installations (
        key text PRIMARY KEY,
        data jsonb NOT NULL
      );
    `,
  },
  {
    // The team's plan of each design (issue 18), and the primitives and patterns edited by hand per version.
    version: 2,
    sql: `
      ALTER TABLE design_versions ADD COLUMN edits jsonb;
      CREATE TABLE design_plans (
        design_id text PRIMARY KEY REFERENCES designs (id) ON DELETE CASCADE,
        revision integer NOT NULL CHECK (revision > 0),
        plan jsonb NOT NULL,
        updated_at text COLLATE "C" NOT NULL
      );
    `,
  },
  {
    // Thread ids of any length and content (issue 13): key text is stored losslessly (pgKey: U+FFFD doubled,
    // U+0000 as U+FFFD "0"; a NUL stored before this was already U+FFFD and stays one), and a thread is
    // indexed by the SHA-256 of its stored form (threadHash) instead of the id itself, which a btree entry
    // cannot hold beyond about 2.7 KB.
    version: 3,
    sql: `
      UPDATE designs SET platform = replace(platform, chr(65533), repeat(chr(65533), 2)),
        workspace = replace(workspace, chr(65533), repeat(chr(65533), 2)),
        channel = replace(channel, chr(65533), repeat(chr(65533), 2)),
        thread = replace(thread, chr(65533), repeat(chr(65533), 2))
        WHERE strpos(platform || workspace || channel || thread, chr(65533)) > 0;
      UPDATE sessions SET platform = replace(platform, chr(65533), repeat(chr(65533), 2)),
        workspace = replace(workspace, chr(65533), repeat(chr(65533), 2)),
        channel = replace(channel, chr(65533), repeat(chr(65533), 2)),
        thread = replace(thread, chr(65533), repeat(chr(65533), 2))
        WHERE strpos(platform || workspace || channel || thread, chr(65533)) > 0;
      UPDATE seen_events SET id = replace(id, chr(65533), repeat(chr(65533), 2)) WHERE strpos(id, chr(65533)) > 0;
      UPDATE installations SET key = replace(key, chr(65533), repeat(chr(65533), 2)) WHERE strpos(key, chr(65533)) > 0;

      ALTER TABLE designs ADD COLUMN thread_hash text;
      UPDATE designs SET thread_hash = encode(sha256(convert_to(thread, 'UTF8')), 'hex');
      ALTER TABLE designs ALTER COLUMN thread_hash SET NOT NULL;
      ALTER TABLE designs DROP CONSTRAINT designs_platform_workspace_channel_thread_key;
      ALTER TABLE designs ADD CONSTRAINT designs_thread UNIQUE (platform, workspace, channel, thread_hash);

      ALTER TABLE sessions ADD COLUMN thread_hash text;
      UPDATE sessions SET thread_hash = encode(sha256(convert_to(thread, 'UTF8')), 'hex');
      ALTER TABLE sessions ALTER COLUMN thread_hash SET NOT NULL;
      ALTER TABLE sessions DROP CONSTRAINT sessions_pkey;
      ALTER TABLE sessions ADD PRIMARY KEY (platform, workspace, channel, thread_hash);
    `,
  },
  {
    // User ids are free text in the terminal and CLI (--user): index them by their md5 (only an index key;
    // queries still compare the id itself), so a user id over the 2.7 KB btree entry limit can save.
    version: 4,
    sql: `
      DROP INDEX design_versions_saved_by;
      CREATE INDEX design_versions_saved_by_hash ON design_versions (md5(saved_by), design_id);
    `,
  },
];

// Any fixed number works; it only has to be the same in every Quorum instance.
const migrationLockId = 0x51_0e_0a_01;

/**
 * Brings the database schema up to date, in one transaction. A transaction-level advisory lock
 * makes instances that start together take turns, so each migration runs exactly once.
 * Returns the versions this call applied.
 */
export async function applyMigrations(pool: Pool, all: readonly Migration[] = migrations): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLockId]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS quorum_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM quorum_migrations');
    const done = new Set(rows.map((r) => r.version));
    const known = new Set(all.map((m) => m.version));
    const unknown = [...done].filter((v) => !known.has(v));
    if (unknown.length > 0) {
      throw new UserError('store_too_new', `The Postgres store was migrated by a newer Quorum (schema version ${Math.max(...unknown)}).`, {
        hint: 'Run the newer Quorum, or point QUORUM_STORE at another database.',
      });
    }
    const applied: number[] = [];
    for (const migration of [...all].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO quorum_migrations (version) VALUES ($1)', [migration.version]);
      applied.push(migration.version);
    }
    return applied;
  });
}
