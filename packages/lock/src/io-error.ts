import { en, messages } from './i18n/index.js';

/**
 * System error codes that mean "the environment refused the file operation" (exit 74), with
 * the English reason; the catalog (en + ru) is the one list of them.
 */
const reasons: Readonly<Record<string, string>> = en.errors.io.reasons;

/** The errno code of a Node system error, if it is one. */
export function systemErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** True when `error` is a system error that `ioError` turns into IOERR. */
export function isEnvironmentIoError(error: unknown): boolean {
  const code = systemErrorCode(error);
  return code !== undefined && Object.hasOwn(reasons, code);
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
  if (code === undefined || !Object.hasOwn(reasons, code)) return error;
  return messages.error(
    'IOERR',
    `errors.io.${action}`,
    { path, reason: reasons[code], reasonKey: code },
    { cause: error },
  );
}
