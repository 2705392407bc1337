/**
 * SQL that makes a Quorum Postgres schema refuse every write to designs, versions and sessions as a full
 * disk does (SQLSTATE 53100), while reads and the event dedup's table keep working: the store failing
 * between a Slack event's claim and the turn's save. Run it in the test's own schema (TestSchemas.sql).
 */
export const refuseWrites = `
  CREATE FUNCTION refuse_writes() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = '53100'; END $$;
  CREATE TRIGGER refuse_designs BEFORE INSERT OR UPDATE OR DELETE ON designs FOR EACH STATEMENT EXECUTE FUNCTION refuse_writes();
  CREATE TRIGGER refuse_versions BEFORE INSERT OR UPDATE OR DELETE ON design_versions FOR EACH STATEMENT EXECUTE FUNCTION refuse_writes();
  CREATE TRIGGER refuse_sessions BEFORE INSERT OR UPDATE OR DELETE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION refuse_writes();`;

/** Undoes refuseWrites: writes work again. */
export const allowWrites = 'DROP FUNCTION refuse_writes() CASCADE';
