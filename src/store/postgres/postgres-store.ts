import type { Pool } from 'pg';
import { UserError } from '../../errors.ts';
import { defaultTitle } from '../shared/channel-state.ts';
import { newDesignId } from '../shared/design-id.ts';
import { StaleWriteError } from '../../dialog/ports/design-store.ts';
import type { Design, DesignStore, DesignVersion, ThreadKey, WorkspaceContents } from '../../dialog/ports/design-store.ts';
import { hasSqlState, inTransaction, pgJson, pgKey, pgText, threadHash } from './pg-values.ts';
import type { Queryable } from './pg-values.ts';
import { toDesign, toSession, toSummary } from './postgres-rows.ts';

/** Options for the Postgres store; `now` is the clock for session and title timestamps. */
export interface PostgresStoreOptions {
  now?: () => Date;
}

// $1–$4 of every thread query: keyOf(key). A thread is found by its hash (see threadHash).
const byThread = 'platform = $1 AND workspace = $2 AND channel = $3 AND thread_hash = $4';

const selectDesign = `
  SELECT d.id, d.platform, d.workspace, d.channel, d.thread, d.title, d.created_at, d.updated_at,
    COALESCE((
      SELECT json_agg(json_build_object(
        'version', v.version, 'requirements', v.requirements, 'assessment', v.assessment,
        'answeredBy', v.answered_by, 'savedBy', v.saved_by, 'savedAt', v.saved_at, 'cause', v.cause, 'edits', v.edits
      ) ORDER BY v.version)
      FROM design_versions v WHERE v.design_id = d.id
    ), '[]'::json) AS versions,
    (SELECT p.plan || jsonb_build_object('revision', p.revision) FROM design_plans p WHERE p.design_id = d.id) AS plan
  FROM designs d WHERE d.platform = $1 AND d.workspace = $2 AND d.channel = $3 AND d.thread_hash = $4`;

// A lost COMMIT answer is checked this many times, this far apart (about 5 s, well within the turn budget).
const commitCheckAttempts = 10;
const commitCheckPauseMs = 500;

const selectSummaries = `
  SELECT d.id, d.platform, d.workspace, d.channel, d.thread, d.title, d.latest_version, d.updated_at, v.saved_by
  FROM designs d JOIN design_versions v ON v.design_id = d.id AND v.version = d.latest_version`;

/** How many designs, and threads with a design or a session, the workspace `[platform, workspace]` holds. */
async function countWorkspace(db: Queryable, where: string[]): Promise<WorkspaceContents> {
  const { rows } = await db.query<{ designs: string; threads: string }>(
    `SELECT (SELECT count(*) FROM designs WHERE platform = $1 AND workspace = $2) AS designs,
       (SELECT count(*) FROM (SELECT channel, thread_hash FROM designs WHERE platform = $1 AND workspace = $2
          UNION SELECT channel, thread_hash FROM sessions WHERE platform = $1 AND workspace = $2) AS t) AS threads`,
    where,
  );
  return { designs: Number(rows[0]!.designs), threads: Number(rows[0]!.threads) };
}

/**
 * A DesignStore on Postgres, shared safely by any number of Quorum instances. Every write is
 * one statement guarded by the version the caller saw (`… WHERE latest_version = $expected`),
 * so of two racing writers exactly one changes a row and the other gets StaleWriteError.
 */
export function createPostgresStore(pool: Pool, options: PostgresStoreOptions = {}): DesignStore {
  const now = options.now ?? (() => new Date());
  let closing: Promise<void> | undefined;
  const keyOf = (key: ThreadKey) => [pgKey(key.platform), pgKey(key.workspace), pgKey(key.channel), threadHash(key.thread)];

  const readDesign = async (db: Queryable, key: ThreadKey): Promise<Design | undefined> => {
    const { rows } = await db.query(selectDesign, keyOf(key));
    return rows[0] === undefined ? undefined : toDesign(rows[0]);
  };
  const latestVersion = async (key: ThreadKey): Promise<number> => {
    const { rows } = await pool.query<{ latest_version: number }>(`SELECT latest_version FROM designs WHERE ${byThread}`, keyOf(key));
    return rows[0]?.latest_version ?? 0;
  };

  /**
   * After a COMMIT whose answer was lost: the design when version `number` is the one this save wrote
   * (same author, time, cause and requirements), undefined when it is not there. Asks for a few seconds
   * while the server comes back; a server still down leaves the save unconfirmed (undefined).
   */
  const committedVersion = async (key: ThreadKey, number: number, version: Omit<DesignVersion, 'version'>): Promise<Design | undefined> => {
    for (let attempt = 1; attempt <= commitCheckAttempts; attempt++) {
      try {
        const { rows } = await pool.query(
          `SELECT 1 FROM designs d JOIN design_versions v ON v.design_id = d.id AND v.version = $5
           WHERE d.${byThread.replace(/ AND /g, ' AND d.')} AND v.saved_by = $6 AND v.saved_at = $7 AND v.cause = $8 AND v.requirements = $9::jsonb`,
          [...keyOf(key), number, pgText(version.savedBy), pgText(version.savedAt), pgText(version.cause), pgJson(version.requirements)],
        );
        return rows.length === 1 ? await readDesign(pool, key) : undefined;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, commitCheckPauseMs));
      }
    }
    return undefined;
  };

  /** Claims version `expected + 1` on the design row; returns the design id, or undefined when stale. */
  const claimVersion = async (db: Queryable, key: ThreadKey, expected: number, version: Omit<DesignVersion, 'version'>, title?: string) => {
    const savedAt = pgText(version.savedAt);
    const named = title === undefined ? null : pgText(title);
    const { rows } = expected === 0
      ? await db.query<{ id: string }>(
          `INSERT INTO designs (id, platform, workspace, channel, thread_hash, thread, title, latest_version, created_at, updated_at)
           VALUES ($5, $1, $2, $3, $4, $8, $6, 1, $7, $7)
           ON CONFLICT (platform, workspace, channel, thread_hash) DO NOTHING RETURNING id`,
          [...keyOf(key), newDesignId(), named ?? pgText(defaultTitle(version)), savedAt, pgKey(key.thread)],
        )
      : await db.query<{ id: string }>(
          `UPDATE designs SET latest_version = $5 + 1, updated_at = $6, title = COALESCE($7, title)
           WHERE ${byThread} AND latest_version = $5 RETURNING id`,
          [...keyOf(key), expected, savedAt, named],
        );
    return rows[0]?.id;
  };

  return {
    getDesign: (key) => readDesign(pool, key),

    async saveVersion(key, expectedVersion, version, title) {
      let saved: Design | undefined;
      try {
        saved = await inTransaction(pool, async (client) => {
          const id = await claimVersion(client, key, expectedVersion, version, title);
          if (id === undefined) return undefined;
          await client.query(
            `INSERT INTO design_versions (design_id, version, requirements, assessment, answered_by, saved_by, saved_at, cause, edits)
             VALUES ($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6, $7, $8, $9::jsonb)`,
            [id, expectedVersion + 1, pgJson(version.requirements), pgJson(version.assessment), pgJson(version.answeredBy),
              pgText(version.savedBy), pgText(version.savedAt), pgText(version.cause), version.edits ? pgJson(version.edits) : null],
          );
          return readDesign(client, key);
        }, () => committedVersion(key, expectedVersion + 1, version));
      } catch (err) {
        // The (design_id, version) primary key is the last line of defence against a lost update.
        if (!hasSqlState(err, '23505')) throw err;
      }
      if (!saved) throw new StaleWriteError(expectedVersion, await latestVersion(key));
      return saved;
    },

    async setTitle(key, title) {
      const renamed = await inTransaction(pool, async (client) => {
        const { rowCount } = await client.query(`UPDATE designs SET title = $5, updated_at = $6 WHERE ${byThread}`, [
          ...keyOf(key), pgText(title), now().toISOString(),
        ]);
        return rowCount ? readDesign(client, key) : undefined;
      });
      if (!renamed) {
        throw new UserError('design_not_found', 'This thread has no saved design yet, so there is nothing to rename.', {
          hint: 'Say `design` to start one, or `assess` to save the current answers.',
        });
      }
      return renamed;
    },

    async savePlan(key, designId, expectedRevision, plan) {
      const body = pgJson({ ...plan, revision: undefined });
      const at = now().toISOString();
      const { rows } = expectedRevision === 0
        ? await pool.query<{ revision: number }>(
            `INSERT INTO design_plans (design_id, revision, plan, updated_at)
             SELECT d.id, 1, $6::jsonb, $7 FROM designs d WHERE ${byThread} AND d.id = $5
             ON CONFLICT (design_id) DO NOTHING RETURNING revision`,
            [...keyOf(key), pgText(designId), body, at],
          )
        : await pool.query<{ revision: number }>(
            `UPDATE design_plans p SET revision = p.revision + 1, plan = $6::jsonb, updated_at = $7
             FROM designs d WHERE d.id = p.design_id AND d.${byThread.replace(/ AND /g, ' AND d.')} AND p.design_id = $5 AND p.revision = $8
             RETURNING p.revision`,
            [...keyOf(key), pgText(designId), body, at, expectedRevision],
          );
      const written = rows[0]?.revision;
      if (written !== undefined) return { ...plan, revision: written };
      const current = await pool.query<{ id: string; revision: number | null }>(
        `SELECT d.id, p.revision FROM designs d LEFT JOIN design_plans p ON p.design_id = d.id WHERE d.${byThread.replace(/ AND /g, ' AND d.')}`,
        keyOf(key),
      );
      const row = current.rows[0];
      if (!row || row.id !== designId) {
        throw new UserError('design_not_found', 'This design was deleted or replaced meanwhile, so the plan change was not saved.', {
          hint: "Type show to see the thread's design now.",
        });
      }
      throw new StaleWriteError(expectedRevision, row.revision ?? 0);
    },

    async deleteDesign(key) {
      const { rowCount } = await pool.query(`DELETE FROM designs WHERE ${byThread}`, keyOf(key));
      return (rowCount ?? 0) > 0;
    },

    async listDesigns(channel) {
      const { rows } = await pool.query(
        `${selectSummaries} WHERE d.platform = $1 AND d.workspace = $2 AND d.channel = $3 ORDER BY d.updated_at DESC, d.seq DESC`,
        [channel.platform, channel.workspace, channel.channel].map(pgKey),
      );
      return rows.map(toSummary);
    },

    async listUserDesigns(platform, workspace, user, limit) {
      const { rows } = await pool.query(
        `${selectSummaries} WHERE d.platform = $1 AND d.workspace = $2
           AND EXISTS (SELECT 1 FROM design_versions u WHERE u.design_id = d.id AND md5(u.saved_by) = md5($3) AND u.saved_by = $3)
         ORDER BY d.updated_at DESC, d.seq DESC LIMIT $4`,
        [pgKey(platform), pgKey(workspace), pgText(user), Math.max(0, Math.floor(limit))],
      );
      return rows.map(toSummary);
    },

    workspaceContents: (platform, workspace) => countWorkspace(pool, [pgKey(platform), pgKey(workspace)]),

    deleteWorkspace(platform, workspace) {
      const where = [pgKey(platform), pgKey(workspace)];
      // One transaction: the count and both deletions see one workspace; versions and plans cascade with their designs.
      return inTransaction(pool, async (client) => {
        const contents = await countWorkspace(client, where);
        await client.query('DELETE FROM designs WHERE platform = $1 AND workspace = $2', where);
        await client.query('DELETE FROM sessions WHERE platform = $1 AND workspace = $2', where);
        return contents;
      });
    },

    async getSession(key) {
      const { rows } = await pool.query(`SELECT version, state, updated_at FROM sessions WHERE ${byThread}`, keyOf(key));
      return rows[0] === undefined ? undefined : toSession(rows[0]);
    },

    async putSession(key, expectedVersion, state) {
      const values = [...keyOf(key), pgJson(state), now()];
      const { rows } = expectedVersion === 0
        ? await pool.query<{ version: number }>(
            `INSERT INTO sessions (platform, workspace, channel, thread_hash, thread, version, state, updated_at)
             VALUES ($1, $2, $3, $4, $7, 1, $5::jsonb, $6) ON CONFLICT DO NOTHING RETURNING version`,
            [...values, pgKey(key.thread)],
          )
        : await pool.query<{ version: number }>(
            `UPDATE sessions SET version = version + 1, state = $5::jsonb, updated_at = $6
             WHERE ${byThread} AND version = $7 RETURNING version`,
            [...values, expectedVersion],
          );
      const written = rows[0]?.version;
      if (written !== undefined) return written;
      const current = await pool.query<{ version: number }>(`SELECT version FROM sessions WHERE ${byThread}`, keyOf(key));
      throw new StaleWriteError(expectedVersion, current.rows[0]?.version ?? 0);
    },

    async deleteSession(key) {
      await pool.query(`DELETE FROM sessions WHERE ${byThread}`, keyOf(key));
    },

    async canWrite() {
      const { rows } = await pool.query<{ writable: boolean }>(
        "SELECT NOT pg_is_in_recovery() AND current_setting('transaction_read_only') = 'off' AS writable",
      );
      return rows[0]?.writable === true;
    },

    close() {
      closing ??= pool.end();
      return closing;
    },
  };
}
