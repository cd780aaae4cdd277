import { isToolbeltError, type Texts } from '@toolbelt/errors';
import type { Database, Migration } from './database.js';
import { quoteQualifiedName } from './sql-identifier.js';
import { messages } from './i18n/index.js';

/** Options of {@link migrate}. */
export interface MigrateOptions {
  /** Table that records applied migration ids (default `toolbelt_migrations`; may be `schema.table`). */
  table?: string;
}

/** What a {@link migrate} run did. */
export interface MigrateResult {
  /** Ids applied by this run, in order. */
  applied: string[];
  /** Ids that were already applied (by an earlier or a concurrent run). */
  skipped: string[];
}

/**
 * Apply the migrations not yet recorded, in the order given (ids must ascend), each in its own
 * transaction together with its record, so a failed migration leaves nothing behind and
 * running twice changes nothing. Concurrent runners (several processes on one PostgreSQL
 * server) are serialized with a transaction-level advisory lock and re-check under it.
 * A migration's SQL may hold several statements, but no statement that refuses to run in a
 * transaction (`CREATE INDEX CONCURRENTLY`).
 */
export async function migrate(
  db: Database,
  migrations: readonly Migration[],
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  checkOrder(migrations);
  const tableName = options.table ?? 'toolbelt_migrations';
  const table = quoteQualifiedName(tableName);
  const lockKey = `toolbelt.migrate:${tableName}`;

  // Fast path without a lock: on a reopened database usually everything is applied.
  const known = await readApplied(db, table);
  const result: MigrateResult = { applied: [], skipped: [] };
  for (const migration of migrations) {
    if (known.has(migration.id)) {
      result.skipped.push(migration.id);
      continue;
    }
    const applied = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockKey]);
      await tx.query(
        `CREATE TABLE IF NOT EXISTS ${table} (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const done = await tx.query(`SELECT 1 FROM ${table} WHERE id = $1`, [migration.id]);
      if (done.rows.length > 0) return false;
      try {
        await tx.query(migration.sql);
      } catch (error) {
        const cause = isToolbeltError(error) ? error : undefined;
        throw messages.error(
          cause?.code ?? 'INTERNAL',
          'errors.migrationFailed',
          { ...cause?.params, migration: migration.id, message: (error as Error).message },
          { cause: error },
        );
      }
      await tx.query(`INSERT INTO ${table} (id) VALUES ($1)`, [migration.id]);
      return true;
    });
    (applied ? result.applied : result.skipped).push(migration.id);
  }
  return result;
}

async function readApplied(db: Database, table: string): Promise<Set<string>> {
  const exists = await db.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [
    table,
  ]);
  if (!exists.rows[0]?.found) return new Set();
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM ${table}`);
  return new Set(rows.map((row) => row.id));
}

function checkOrder(migrations: readonly Migration[]): void {
  const problems: Texts[] = [];
  migrations.forEach((migration, index) => {
    if (!migration.id)
      problems.push(messages.text('problems.migrationNoId', { number: index + 1 }));
    const previous = migrations[index - 1];
    if (previous && !(previous.id < migration.id))
      problems.push(
        messages.text('problems.migrationOrder', { id: migration.id, previous: previous.id }),
      );
  });
  if (problems.length > 0)
    throw messages.error(
      'USAGE',
      'errors.migrationList',
      {},
      {
        problems,
        hint: messages.text('errors.migrationListHint'),
      },
    );
}
