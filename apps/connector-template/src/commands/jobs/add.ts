import { readFile } from 'node:fs/promises';
import { Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import {
  formatMessage,
  toNewJob,
  validateJobDefinition,
  type JobDefinition,
} from '@toolbelt/connector';
import { ToolbeltError, type ErrorCode } from '@toolbelt/errors';
import { buildDeps } from '../../deps.js';
import { definedEnv } from '../../env.js';
import { catalogs } from '../../i18n/catalogs.js';

export default class JobsAdd extends BaseCommand<typeof JobsAdd> {
  static override summary =
    'Add a job from a JSON file; its credentials are stored encrypted with MASTER_HASH.';
  static override examples = ['<%= config.bin %> jobs add --file examples/connector/job.json'];
  static override flags = {
    file: Flags.string({ summary: 'The job definition (JSON).', required: true }),
  };
  static override exitCodes: readonly ErrorCode[] = ['OK', 'USAGE', 'DATA', 'CONFIG', 'INTERNAL'];
  static override catalogs = catalogs;

  async run(): Promise<{ id: number; name: string }> {
    const file = this.flags.file;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new ToolbeltError('DATA', `The job file ${file} cannot be read as JSON.`, {
        cause: error,
        key: 'jobs.unreadable',
        params: { file },
      });
    }
    const problems = validateJobDefinition(parsed);
    if (problems.length > 0) {
      throw new ToolbeltError('DATA', `The job file ${file} is invalid.`, {
        key: 'jobs.invalid',
        params: { file },
        problems,
      });
    }
    const env = definedEnv(this.env);
    if (!env.MASTER_HASH) {
      throw new ToolbeltError('CONFIG', formatMessage('envMissing', { name: 'MASTER_HASH' }), {
        key: 'connector:envMissing',
        params: { name: 'MASTER_HASH' },
      });
    }
    const definition = parsed as JobDefinition;
    const deps = await buildDeps({ env, now: this.now });
    try {
      const id = await (await deps.jobs()).addJob(toNewJob(definition, env.MASTER_HASH));
      this.logger.info(this.t('jobs.added', { id, name: definition.name }));
      return { id, name: definition.name };
    } finally {
      await deps.close();
    }
  }
}
