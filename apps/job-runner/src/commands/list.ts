import { existsSync } from 'node:fs';
import { RunnerCommand, runnerFlags } from '../runner-command.js';

/** One line of `list --json`. */
export interface JobSummary {
  name: string;
  description: string;
  kind: string;
  fields: number;
}

export default class List extends RunnerCommand<typeof List> {
  static override summary = 'List the jobs of the library and what each does.';
  static override flags = { ...runnerFlags };
  static override examples = [
    '<%= config.bin %> list --jobs-dir examples/jobs',
    '<%= config.bin %> list --json',
  ];
  static override exitCodes = ['OK', 'USAGE', 'CONFIG', 'INTERNAL'] as const;
  // Only reads: leaves no log file behind (nor a .logs/ folder in a fresh directory).
  static override writesLogFile = false;

  async run(): Promise<{ jobs: JobSummary[] }> {
    const { discoverJobs } = await import('../adapters/job-library.js');
    const config = this.runnerConfig();
    // A mistyped --jobs-dir would otherwise just show fewer jobs.
    for (const dir of config.jobsDirs)
      if (!existsSync(dir)) process.stderr.write(`${this.t('list.missingDir', { dir })}\n`);
    const library = await discoverJobs({ dirs: config.jobsDirs, toolbelt: config.toolbelt });
    const jobs = library.jobs.map((j) => ({
      name: j.name,
      description: j.description,
      kind: j.kind,
      fields: j.fields.length,
    }));
    if (!this.jsonEnabled()) {
      if (jobs.length === 0) this.log(this.t('list.none', { dirs: config.jobsDirs.join(', ') }));
      else {
        this.log(this.t('list.header', { count: jobs.length }));
        const width = Math.max(...jobs.map((j) => j.name.length));
        for (const job of jobs) this.log(`  ${job.name.padEnd(width)}  ${job.description}`);
      }
    }
    return { jobs };
  }
}
