/**
 * The question log's schema as one ordered list of migrations for both stores (SQLite and
 * PostgreSQL): the versions and their meaning are the same everywhere, so `schema_version` says the
 * same thing in a file and in a database. Most SQL is shared (TEXT, INTEGER, BIGINT, DOUBLE
 * PRECISION; `ON CONFLICT` upserts); a migration whose SQL differs by dialect carries one list per
 * dialect instead. A store applies each migration whose version is above the highest one in
 * `schema_version`, in one transaction per migration, and records it there.
 * Never edit a released migration: append a new one.
 */

/** The SQL dialects the question log is kept in. */
export type Dialect = "sqlite" | "postgres";

/** Statements written once for both dialects, or one list per dialect (same meaning). */
export type MigrationStatements = readonly string[] | Readonly<Record<Dialect, readonly string[]>>;

export interface Migration {
  version: number;
  description: string;
  statements: MigrationStatements;
}

/** The statements of a migration in one dialect. */
export function statementsFor(migration: Migration, dialect: Dialect): readonly string[] {
  const { statements } = migration;
  return isShared(statements) ? statements : statements[dialect];
}

function isShared(statements: MigrationStatements): statements is readonly string[] {
  return Array.isArray(statements);
}

/** The migrations above `current`, oldest first: what a store at that version still has to apply. */
export function pendingMigrations(current: number): Migration[] {
  return QUESTION_LOG_MIGRATIONS.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
}

/** Why a log written by newer code is not opened (the same words for both stores). */
export function newerSchemaMessage(version: number): string {
  return `written by a newer dossier (schema ${version}, this one knows ${QUESTION_LOG_SCHEMA_VERSION})`;
}

/** Created before any migration runs; holds the versions applied. */
export const SCHEMA_VERSION_TABLE = `CREATE TABLE IF NOT EXISTS schema_version (
  version INTEGER PRIMARY KEY,
  description TEXT NOT NULL,
  applied_at BIGINT NOT NULL
)`;

export const QUESTION_LOG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "questions, votes and meta (the user-hash salt)",
    statements: [
      `CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      )`,
      `CREATE TABLE questions (
        id TEXT PRIMARY KEY,
        at BIGINT NOT NULL,
        platform TEXT NOT NULL,
        user_hash TEXT,
        chat TEXT,
        question TEXT NOT NULL,
        language TEXT,
        grounded INTEGER NOT NULL,
        reason TEXT,
        cited_paths TEXT NOT NULL,
        retrieve_ms DOUBLE PRECISION NOT NULL,
        answer_ms DOUBLE PRECISION NOT NULL,
        total_ms DOUBLE PRECISION NOT NULL,
        llm_fallback INTEGER NOT NULL
      )`,
      "CREATE INDEX questions_at ON questions (at)",
      `CREATE TABLE votes (
        answer_id TEXT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
        user_hash TEXT NOT NULL,
        value INTEGER NOT NULL CHECK (value IN (1, -1)),
        at BIGINT NOT NULL,
        PRIMARY KEY (answer_id, user_hash)
      )`,
    ],
  },
];

/** The newest schema this code knows; a log written by newer code is not opened. */
export const QUESTION_LOG_SCHEMA_VERSION = QUESTION_LOG_MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
