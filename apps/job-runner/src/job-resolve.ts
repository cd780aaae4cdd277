import { register } from 'node:module';

let registered = false;

/** Let job modules import `@toolbelt/*` from the job runner's dependencies (once per process). */
export function registerJobResolution(): void {
  if (registered) return;
  registered = true;
  register('./job-resolve-hooks.js', import.meta.url);
}
