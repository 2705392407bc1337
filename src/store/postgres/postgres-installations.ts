import type { Pool } from 'pg';
import * as z from 'zod';
import type { InstallationRepo } from '../../dialog/ports/installation-repo.ts';
import { pgJson, pgKey } from './pg-values.ts';
import { parseRow } from './postgres-rows.ts';

const InstallationRow = z.object({ data: z.unknown() });

/** An InstallationRepo in the `installations` table (key → opaque JSON), shared by every instance. */
export function createPostgresInstallationRepo(pool: Pool): InstallationRepo {
  return {
    async save(key, installation) {
      await pool.query(
        'INSERT INTO installations (key, data) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data',
        [pgKey(key), pgJson(installation)],
      );
    },
    async fetch(key) {
      const { rows } = await pool.query('SELECT data FROM installations WHERE key = $1', [pgKey(key)]);
      return rows[0] === undefined ? undefined : parseRow('installations', InstallationRow, rows[0]).data;
    },
    async delete(key) {
      await pool.query('DELETE FROM installations WHERE key = $1', [pgKey(key)]);
    },
    async deleteWhere(prefix) {
      // left() rather than LIKE, so `%` and `_` in a prefix are plain characters.
      const { rowCount } = await pool.query('DELETE FROM installations WHERE left(key, length($1)) = $1', [pgKey(prefix)]);
      return rowCount ?? 0;
    },
  };
}
