import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The database the Postgres tests use (set by .ci/run), or undefined when there is none. */
export const postgresUrl: string | undefined = process.env.QUORUM_TEST_POSTGRES_URL || undefined;

/** True under CI, where a missing test database is a failure rather than a skip. */
export const inCi = Boolean(process.env.CI);

/** What a developer or CI sees when the Postgres tests cannot run. */
export const missingPostgresMessage =
  'QUORUM_TEST_POSTGRES_URL is not set, so the Postgres store tests cannot run. Run .ci/run (it installs and ' +
  'starts Postgres), or start one yourself and set QUORUM_TEST_POSTGRES_URL=postgres://user:password@127.0.0.1:5432/db ' +
  '(see "Running the Postgres tests locally" in README.md).';

/**
 * Fresh, empty schemas in the test database, one per call, so tests and concurrent runs never
 * see each other's rows. `dropAll` removes every schema this instance made.
 */
export class TestSchemas {
  private readonly made: string[] = [];
  private admin: pg.Pool | undefined;

  private readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  /** Creates a new schema and returns a store URL whose connections use only it. */
  async create(): Promise<string> {
    const schema = `quorum_test_${randomBytes(6).toString('hex')}`;
    this.admin ??= new pg.Pool({ connectionString: this.baseUrl, max: 2 });
    await this.admin.query(`CREATE SCHEMA ${schema}`);
    this.made.push(schema);
    const url = new URL(this.baseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return url.toString();
  }

  /** Runs SQL in the most recently created schema (to look at or damage rows directly). */
  async sql(text: string, values: unknown[] = []): Promise<pg.QueryResult> {
    const schema = this.made.at(-1);
    if (!schema || !this.admin) throw new Error('create a schema first');
    const client = await this.admin.connect();
    try {
      await client.query(`SET search_path TO ${schema}`);
      return await client.query(text, values);
    } finally {
      await client.query('RESET search_path');
      client.release();
    }
  }

  /** Drops every schema this instance created, with its tables, and closes the admin connection. */
  async dropAll(): Promise<void> {
    if (!this.admin) return;
    for (const schema of this.made.splice(0)) await this.admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await this.admin.end();
    this.admin = undefined;
  }
}
