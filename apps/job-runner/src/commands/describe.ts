import { Args } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import { catalogs, renderDescribe } from '../render.js';
import { runDescribe, type DescribeResult } from '../run-library.js';
import { readRunnerSettings, runnerFlags } from '../settings.js';

export default class Describe extends BaseCommand<typeof Describe> {
  static override summary = "Show a job's description and fields.";
  static override args = {
    job: Args.string({ description: 'Job name (see list).', required: true }),
  };
  static override flags = { ...runnerFlags };
  static override examples = ['<%= config.bin %> describe hello-world --jobs-dir examples/jobs'];
  static override exitCodes = ['OK', 'USAGE', 'CONFIG', 'INTERNAL'] as const;
  static override catalogs = catalogs;
  // Only reads: leaves no log file behind (nor a .logs/ folder in a fresh directory).
  static override writesLogFile = false;

  async run(): Promise<DescribeResult> {
    const settings = readRunnerSettings(this.flags, this.env);
    const result = await runDescribe(settings, this.args.job);
    this.log(renderDescribe(result, this.t));
    return result;
  }
}
