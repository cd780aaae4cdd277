import { ToolbeltError } from '@toolbelt/errors';

/** System error codes that mean "the environment refused the file operation" (exit 74). */
const reasons: Record<string, string> = {
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  ENOENT: 'the folder does not exist',
  EEXIST: 'a file of that name is in the way',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ENAMETOOLONG: 'the file name is too long',
  EFBIG: 'the file is too large',
  ELOOP: 'too many symbolic links in the path',
};

/** The errno code of a Node system error, if it is one. */
export function systemErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** True when `error` is a system error that `ioError` turns into IOERR. */
export function isEnvironmentIoError(error: unknown): boolean {
  const code = systemErrorCode(error);
  return code !== undefined && code in reasons;
}

/**
 * An environment refusal of a file operation as ToolbeltError IOERR (exit 74):
 * "cannot write X: read-only file system". Anything else (a bug) is returned unchanged.
 */
export function ioError(
  error: unknown,
  path: string,
  action: 'write' | 'read' | 'create' = 'write',
): unknown {
  const code = systemErrorCode(error);
  const reason = code === undefined ? undefined : reasons[code];
  if (reason === undefined || code === undefined) return error;
  return new ToolbeltError('IOERR', `cannot ${action} ${path}: ${reason}`, {
    cause: error,
    key: `lock:io.${action}`,
    params: { path, reason, reasonKey: code },
  });
}
