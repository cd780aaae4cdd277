import { access, readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { inputFileError } from '@toolbelt/cli-kit';
import { ToolbeltError } from '@toolbelt/errors';

/** Config files looked for in the working directory when `--config` is not given. */
export const defaultConfigFiles = ['rota.yaml', 'rota.yml', 'rota.json'] as const;

/** The first default config file that exists, if any. */
export async function findDefaultConfig(cwd: string): Promise<string | undefined> {
  for (const name of defaultConfigFiles) {
    const path = `${cwd}/${name}`;
    try {
      await access(path);
      return path;
    } catch {
      // not there: try the next name
    }
  }
  return undefined;
}

/**
 * Read a YAML or JSON config file into plain data (unchecked). YAML is read with the core
 * schema so `2025-01-06` stays the string the settings expect, not a Date.
 * @param shownAs the path as the user wrote it, for the message (default `path`).
 */
export async function readConfigFile(path: string, shownAs?: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    // The one wording of every tool: `cannot read rota.yaml: no such file` (CONFIG, 78).
    throw inputFileError(shownAs ?? path, error, { code: 'CONFIG' });
  }
  try {
    if (extname(path).toLowerCase() === '.json') return JSON.parse(text) as unknown;
    const yaml = await import('js-yaml');
    return yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: path });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ToolbeltError(
      'CONFIG',
      `The config file ${path} is not valid YAML or JSON: ${reason}`,
      {
        cause: error,
        key: 'support-rota:errors.configInvalid',
        params: { path, reason },
      },
    );
  }
}
