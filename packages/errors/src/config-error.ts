import { commonMessages } from './define-messages.js';
import type { Texts, ToolbeltError } from './toolbelt-error.js';

/**
 * THE CONFIG error (exit 78): "Configuration is missing or invalid:", every problem (each a
 * text of a catalog, or English-only words of a library), and how to fix them. With
 * `envFile` the fix line names that file; without it the entry point names the `.env` file
 * it read (cli-kit's BaseCommand), so a command need not know it.
 */
export function configError(
  problems: readonly (Texts | string)[],
  envFile?: string,
): ToolbeltError {
  return commonMessages.error('CONFIG', 'errors.config', envFile === undefined ? {} : { envFile }, {
    problems,
    hint: envFile === undefined ? undefined : commonMessages.text('errors.configFix', { envFile }),
  });
}
