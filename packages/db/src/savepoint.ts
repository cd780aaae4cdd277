import type { ToolbeltError } from '@toolbelt/errors';
import { messages } from './i18n/index.js';
import type { Queryable, Transaction } from './database.js';

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

/**
 * The `Transaction` both adapters hand to `transaction(fn)`, over their own query and COPY
 * primitives: vendor errors wrapped, nested transactions as savepoints, and any use after
 * `finish()` (the outer transaction committed or rolled back) an error.
 */
export function createGuardedTransaction(
  primitives: Queryable,
  wrap: (error: unknown) => ToolbeltError,
): { tx: Transaction; finish: () => void } {
  let open = true;
  let savepoints = 0;
  const ensureOpen = () => {
    if (!open) throw messages.error('INTERNAL', 'errors.transactionFinished');
  };
  const guarded = async <T>(run: () => Promise<T>): Promise<T> => {
    ensureOpen();
    try {
      return await run();
    } catch (error) {
      throw wrap(error);
    }
  };
  const tx: Transaction = {
    query: (sql, params) => guarded(() => primitives.query(sql, params)),
    copyFrom: (table, columns, rows) => guarded(() => primitives.copyFrom(table, columns, rows)),
    async transaction(fn) {
      ensureOpen();
      return inSavepoint(tx, `toolbelt_sp_${++savepoints}`, () => fn(tx));
    },
  };
  return {
    tx,
    finish: () => {
      open = false;
    },
  };
}
