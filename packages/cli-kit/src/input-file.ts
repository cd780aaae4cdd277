import { accessSync, constants, statSync } from 'node:fs';
import { commonMessages, type ErrorCode, type ToolbeltError } from '@toolbelt/errors';
import { common } from '@toolbelt/i18n';

/** System error codes the common catalog words (`common:errors.reasons.*`). */
const reasons: Readonly<Record<string, string>> = common.en.errors.reasons;

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
  const reason = typeof sys === 'string' && Object.hasOwn(reasons, sys) ? sys : 'other';
  return commonMessages.error(
    options.code ?? 'USAGE',
    'errors.inputUnreadable',
    { path, reason },
    { cause },
  );
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
