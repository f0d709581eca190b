/**
 * The question log's schema as an ordered list of migrations, written in the SQL that SQLite and
 * PostgreSQL share (TEXT, INTEGER, BIGINT, DOUBLE PRECISION; `ON CONFLICT` upserts), so a
 * PostgreSQL store can apply the same list. A store applies each migration whose version is above
 * the highest one in `schema_version`, in one transaction per migration, and records it there.
 * Never edit a released migration: append a new one.
 */

export interface Migration {
  version: number;
  description: string;
  statements: readonly string[];
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
