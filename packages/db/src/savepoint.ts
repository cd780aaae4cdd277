import type { Queryable } from './database.js';

/**
 * Runs `fn` inside `SAVEPOINT name` on an open transaction: released when it resolves, rolled
 * back to (and released) when it throws, so a nested transaction undoes only its own work.
 */
export async function inSavepoint<T>(
  tx: Pick<Queryable, 'query'>,
  name: string,
  fn: () => Promise<T>,
): Promise<T> {
  await tx.query(`SAVEPOINT ${name}`);
  try {
    const result = await fn();
    await tx.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await tx.query(`ROLLBACK TO SAVEPOINT ${name}`);
    await tx.query(`RELEASE SAVEPOINT ${name}`);
    throw error;
  }
}
