import { RunnerCommand, runnerFlags } from '../runner-command.js';
import type { MetadataProblem } from '../core/job-metadata.js';

export default class Doctor extends RunnerCommand<typeof Doctor> {
  static override summary = 'Check the job library: which candidates are not listed, and why.';
  static override flags = { ...runnerFlags };
  static override examples = ['<%= config.bin %> doctor --jobs-dir examples/jobs'];
  static override exitCodes = ['OK', 'DATA', 'CONFIG', 'INTERNAL'] as const;
  // Only reads: leaves no log file behind (nor a .logs/ folder in a fresh directory).
  static override writesLogFile = false;

  async run(): Promise<{ jobs: number; problems: MetadataProblem[]; database: string }> {
    const { discoverJobs } = await import('../adapters/job-library.js');
    const config = this.runnerConfig();
    const library = await discoverJobs({ dirs: config.jobsDirs, toolbelt: config.toolbelt });
    const database = config.databaseUrl ? 'postgres' : `pglite (${config.dataDir})`;
    if (!this.jsonEnabled()) {
      this.log(this.t('doctor.database', { kind: database }));
      if (library.problems.length === 0)
        this.log(this.t('doctor.ok', { count: library.jobs.length }));
      else {
        this.log(this.t('doctor.problems', { count: library.problems.length }));
        for (const p of library.problems)
          for (const problem of p.problems) this.log(`  ${p.path}: ${problem}`);
      }
    }
    if (library.problems.length > 0) this.setExitCode('DATA');
    return { jobs: library.jobs.length, problems: library.problems, database };
  }
}
