import { BaseCommand } from '@toolbelt/cli-kit';
import { catalogs, missingFolderLines, renderList } from '../render.js';
import { runList, type JobSummary } from '../run-library.js';
import { readRunnerSettings, runnerFlags } from '../settings.js';

export default class List extends BaseCommand<typeof List> {
  static override summary = 'List the jobs of the library and what each does.';
  static override flags = { ...runnerFlags };
  static override examples = [
    '<%= config.bin %> list --jobs-dir examples/jobs',
    '<%= config.bin %> list --json',
  ];
  static override exitCodes = ['OK', 'USAGE', 'CONFIG', 'INTERNAL'] as const;
  static override catalogs = catalogs;
  // Only reads: leaves no log file behind (nor a .logs/ folder in a fresh directory).
  static override writesLogFile = false;

  async run(): Promise<{ jobs: JobSummary[] }> {
    const settings = readRunnerSettings(this.flags, this.env);
    const report = await runList(settings);
    // A mistyped --jobs-dir would otherwise just show fewer jobs.
    for (const line of missingFolderLines(report.missingDirs, this.t))
      process.stderr.write(`${line}\n`);
    this.log(renderList(report.result.jobs, settings.jobsDirs, this.t));
    return report.result;
  }
}
