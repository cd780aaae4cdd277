import type { LockHolder } from '@toolbelt/lock';

/**
 * Messages of the `db` i18n namespace (en + ru); apps register `dbCatalog` under `db` and
 * print `db:waiting` with {@link waitingParams} from `onWait`.
 */
export const dbCatalog = {
  en: {
    waiting: 'waiting for {{command}} (pid {{pid}}) to release {{dataDir}}',
  },
  ru: {
    waiting: 'ожидание: {{command}} (pid {{pid}}) занимает {{dataDir}}, ждём освобождения',
  },
};

/** The parameters of `db:waiting`: who holds the folder, and the folder as the user named it. */
export function waitingParams(
  holder: LockHolder,
  dataDir: string,
): { command: string; pid: number; dataDir: string } {
  return { command: holder.command, pid: holder.pid, dataDir };
}
