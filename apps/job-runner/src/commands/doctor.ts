import { BaseCommand } from '@toolbelt/cli-kit';
import { catalogs, renderDoctor } from '../render.js';
import { runDoctor, type DoctorResult } from '../run-library.js';
import { readRunnerSettings, runnerFlags } from '../settings.js';

export default class Doctor extends BaseCommand<typeof Doctor> {
  static override summary = 'Check the job library: which candidates are not listed, and why.';
  static override flags = { ...runnerFlags };
  static override examples = ['<%= config.bin %> doctor --jobs-dir examples/jobs'];
  static override exitCodes = ['OK', 'DATA', 'CONFIG', 'INTERNAL'] as const;
  static override catalogs = catalogs;
  // Only reads: leaves no log file behind (nor a .logs/ folder in a fresh directory).
  static override writesLogFile = false;

  async run(): Promise<DoctorResult> {
    const settings = readRunnerSettings(this.flags, this.env);
    const report = await runDoctor(settings);
    this.log(renderDoctor(report.result, this.t));
    this.setExitCode(report.exit);
    return report.result;
  }
}
