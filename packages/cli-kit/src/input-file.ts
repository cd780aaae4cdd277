import { accessSync, constants, statSync } from 'node:fs';
import { ToolbeltError, type ErrorCode } from '@toolbelt/errors';

const reasons: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/**
 * The one answer, in every tool, to an input file that cannot be read:
 * `cannot read nope.xlsx: no such file` (key `common:errors.inputUnreadable`). The exit code is
 * USAGE (64) for a file named by a flag or argument, CONFIG (78) for a settings file.
 * @param path the path as the user wrote it (shown as given).
 */
export function inputFileError(
  path: string,
  cause: unknown,
  options: { code?: ErrorCode } = {},
): ToolbeltError {
  const sys = (cause as { code?: unknown } | undefined)?.code;
  const reason = typeof sys === 'string' && sys in reasons ? sys : 'other';
  const english = reasons[reason] ?? 'the file cannot be opened';
  return new ToolbeltError(options.code ?? 'USAGE', `cannot read ${path}: ${english}.`, {
    cause,
    key: 'common:errors.inputUnreadable',
    params: { path, reason },
  });
}

/**
 * Throws `inputFileError` unless `path` is a readable file. Call it while validating settings,
 * before any work, for every input file the user named.
 */
export function checkInputFile(
  path: string,
  options: { code?: ErrorCode; cwd?: string } = {},
): void {
  const problem = inputFileProblem(path, options.cwd);
  if (problem) throw inputFileError(path, problem, options);
}

/** The system error that stops `path` being read as a file, or undefined when it can be. */
export function inputFileProblem(
  path: string,
  cwd = process.cwd(),
): NodeJS.ErrnoException | undefined {
  const full = path.startsWith('/') ? path : `${cwd}/${path}`;
  try {
    if (statSync(full).isDirectory())
      return Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR' });
    accessSync(full, constants.R_OK);
    return undefined;
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
}
