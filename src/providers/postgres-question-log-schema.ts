/**
 * The question log's schema in PostgreSQL: the shared migration list applied under an advisory
 * lock (several instances may start on the same empty database at once; the second waits and then
 * finds nothing left to do), the version check that refuses a database written by newer code, and
 * the per-database salt of user hashes (the first writer creates it, everyone keeps that one).
 */
import type pg from "pg";
import { QUESTION_LOG_SCHEMA_VERSION, SCHEMA_VERSION_TABLE, newerSchemaMessage, pendingMigrations, statementsFor } from "./question-log-migrations.js";
import { SALT_KEY, newSalt } from "./question-log-rows.js";

/** The advisory-lock key of the question log's migrations (any constant; the same in every instance). */
export const MIGRATION_LOCK_KEY = 0x646f_7373_716c; // "dossql"

/** Waiting for another instance's migration may take longer than an ordinary statement. */
const MIGRATION_TIMEOUT = "60s";

/**
 * Applies the pending migrations, one transaction each, every one under a transaction-scoped
 * advisory lock (released by COMMIT or ROLLBACK, even when the connection dies); returns the
 * version the database is at.
 */
export async function migratePostgres(client: pg.ClientBase, now: () => number): Promise<number> {
  for (;;) {
    await client.query("BEGIN");
    try {
      await client.query(`SET LOCAL statement_timeout = '${MIGRATION_TIMEOUT}'`);
      await client.query("SELECT pg_advisory_xact_lock($1::bigint)", [MIGRATION_LOCK_KEY]);
      await client.query(SCHEMA_VERSION_TABLE);
      const current = await postgresSchemaVersion(client);
      const next = pendingMigrations(current)[0];
      if (next === undefined) {
        await client.query("COMMIT");
        return current;
      }
      for (const sql of statementsFor(next, "postgres")) await client.query(sql);
      await client.query("INSERT INTO schema_version (version, description, applied_at) VALUES ($1, $2, $3)", [next.version, next.description, now()]);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  }
}

/** The schema version of the database; refuses one that holds no question log or was written by newer code. */
export async function postgresSchemaVersion(client: pg.ClientBase): Promise<number> {
  const table = await client.query<{ t: string | null }>("SELECT to_regclass('schema_version')::text AS t");
  if ((table.rows[0]?.t ?? null) === null) throw new Error("not a question log (no schema_version table)");
  const row = await client.query<{ v: number | null }>("SELECT MAX(version) AS v FROM schema_version");
  const version = Number(row.rows[0]?.v ?? 0);
  if (version > QUESTION_LOG_SCHEMA_VERSION) throw new Error(newerSchemaMessage(version));
  return version;
}

/** The per-database salt: created by the first writer (a racing one keeps the first), then read. */
export async function loadPostgresSalt(client: pg.ClientBase, create: boolean): Promise<Buffer | null> {
  if (create) await client.query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", [SALT_KEY, newSalt()]);
  const row = await client.query<{ value: string }>("SELECT value FROM meta WHERE key = $1", [SALT_KEY]);
  const value = row.rows[0]?.value;
  return value === undefined ? null : Buffer.from(value, "hex");
}
