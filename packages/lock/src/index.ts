export { acquireLock, readLockHolder } from './lock.js';
export type { Lock, LockHolder, LockOptions } from './lock.js';
export { ioError, isEnvironmentIoError, systemErrorCode } from './io-error.js';
export { lockCatalog } from './messages.js';
