/**
 * Runs one job module in its own process: `node --import capture-preload job-host.js <module>`,
 * parameters (secrets included) as JSON on stdin, never on the command line.
 */
import { pathToFileURL } from 'node:url';
import type { JobContext, JobModule } from '../core/job-module.js';
import {
  isTypeScriptModule,
  registerJobResolution,
  registerTypeScript,
} from '../adapters/job-resolve.js';

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

const modulePath = process.argv[2];
if (!modulePath) {
  process.stderr.write('job-host: no module path given\n');
  process.exit(70);
}
const input = JSON.parse((await readStdin()) || '{}') as {
  params?: Record<string, string | number | boolean>;
  runId?: number;
};
if (isTypeScriptModule(modulePath)) await registerTypeScript();
else registerJobResolution();
const mod = (await import(pathToFileURL(modulePath).href)) as Partial<JobModule> & {
  default?: JobModule;
};
const job = (typeof mod.run === 'function' ? mod : mod.default) as JobModule;
const controller = new AbortController();
process.once('SIGTERM', () => {
  controller.abort(new Error('stopped by the job runner'));
  // A job that ignores its signal still ends: a short grace to clean up, then the usual 143.
  setTimeout(() => process.exit(143), 1_000).unref();
});
const ctx: JobContext = {
  runId: input.runId ?? 0,
  signal: controller.signal,
  env: process.env,
  log: (message) => console.log(message),
  warn: (message) => console.error(message),
};
try {
  const result = await job.run(input.params ?? {}, ctx);
  process.exitCode = typeof result === 'number' ? result : 0;
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
