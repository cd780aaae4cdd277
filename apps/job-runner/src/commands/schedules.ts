import { BaseCommand } from '@toolbelt/cli-kit';
import { catalogs, renderSchedules, writeWarnings } from '../render.js';
import { runSchedules, type ScheduleSummary } from '../run-library.js';
import { readRunnerSettings, runnerFlags } from '../settings.js';

export default class Schedules extends BaseCommand<typeof Schedules> {
  static override summary = 'List the schedules of the job folders with their next and last runs.';
  static override description =
    'Schedules live in schedules.json in a job folder: [{"id": "nightly", "job": "report", "cron": "0 6 * * *", "params": {"month": "current"}}]. Cron times are UTC. On PostgreSQL the workers run them (graphile-worker cron, each tick once across all workers); on the embedded database serve does.';
  static override flags = { ...runnerFlags };
  static override examples = ['<%= config.bin %> schedules --jobs-dir jobs'];
  static override exitCodes = ['OK', 'USAGE', 'CONFIG', 'DATA', 'INTERNAL'] as const;
  static override catalogs = catalogs;

  async run(): Promise<{ schedules: ScheduleSummary[]; problems: string[] }> {
    const settings = readRunnerSettings(this.flags, this.env);
    const report = await runSchedules(settings, this.now());
    this.setExitCode(report.exit);
    writeWarnings(report.result.problems, this.jsonEnabled());
    this.log(renderSchedules(report.result.schedules, this.t));
    return report.result;
  }
}
