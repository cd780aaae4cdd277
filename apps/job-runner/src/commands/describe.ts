import { Args } from '@oclif/core';
import { ToolbeltError } from '@toolbelt/errors';
import type { JobField } from '../core/job-metadata.js';
import { RunnerCommand, runnerFlags } from '../runner-command.js';

export default class Describe extends RunnerCommand<typeof Describe> {
  static override summary = "Show a job's description and fields.";
  static override args = {
    job: Args.string({ description: 'Job name (see list).', required: true }),
  };
  static override flags = { ...runnerFlags };
  static override examples = ['<%= config.bin %> describe hello-world --jobs-dir examples/jobs'];
  static override exitCodes = ['OK', 'USAGE', 'CONFIG', 'INTERNAL'] as const;
  // Only reads: leaves no log file behind (nor a .logs/ folder in a fresh directory).
  static override writesLogFile = false;

  async run(): Promise<{ name: string; description: string; kind: string; fields: JobField[] }> {
    const { discoverJobs, findJob } = await import('../adapters/job-library.js');
    const config = this.runnerConfig();
    const job = findJob(
      await discoverJobs({ dirs: config.jobsDirs, toolbelt: config.toolbelt }),
      this.args.job,
    );
    if (!job)
      throw new ToolbeltError('USAGE', `No job named "${this.args.job}"`, {
        key: 'job-runner:errors.noJob',
        params: { job: this.args.job },
      });
    if (!this.jsonEnabled()) {
      this.log(`${job.name}: ${job.description}`);
      this.log(job.fields.length ? this.t('describe.fields') : this.t('describe.noFields'));
      for (const f of job.fields) {
        const notes = [
          f.type,
          f.required ? this.t('describe.required') : undefined,
          f.secret ? this.t('describe.secret') : undefined,
          f.default === undefined
            ? undefined
            : this.t('describe.default', { value: String(f.default) }),
          f.options ? this.t('describe.options', { options: f.options.join(', ') }) : undefined,
        ].filter(Boolean);
        this.log(`  ${f.name} (${notes.join(', ')})${f.label !== f.name ? `: ${f.label}` : ''}`);
      }
    }
    return {
      name: job.name,
      description: job.description,
      kind: job.kind,
      fields: [...job.fields],
    };
  }
}
