export { acquireLock, readLockHolder } from './lock.js';
export type { Lock, LockHolder, LockOptions } from './lock.js';
export { writeFileAtomic, tempPathFor } from './atomic-file.js';
export type { AtomicContent } from './atomic-file.js';
export { ioError, isEnvironmentIoError, systemErrorCode } from './io-error.js';
export { messages as lockMessages } from './i18n/index.js';
import { en, ru } from './i18n/index.js';

/**
 * @deprecated Errors of this package carry their texts; register nothing. Kept while apps
 * still print `lock:waiting` through their own i18n: use
 * `lockMessages.format(lang, 'log.waiting', ...)` instead.
 */
export const lockCatalog = {
  en: { ...en, waiting: en.log.waiting },
  ru: { ...ru, waiting: ru.log.waiting },
};
export { makeDir, makeDirSync } from './make-dir.js';
