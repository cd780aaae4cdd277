export { acquireLock, readLockHolder } from './lock.js';
export type { Lock, LockHolder, LockOptions } from './lock.js';
export { writeFileAtomic, tempPathFor } from './atomic-file.js';
export type { AtomicContent } from './atomic-file.js';
export { ioError, isEnvironmentIoError, systemErrorCode } from './io-error.js';
export { messages as lockMessages } from './i18n/index.js';
export { makeDir, makeDirSync } from './make-dir.js';
