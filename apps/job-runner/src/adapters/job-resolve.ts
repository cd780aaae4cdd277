import { register } from 'node:module';

let registered = false;
let typeScript: Promise<void> | undefined;

/** Let job modules import `@toolbelt/*` from the job runner's dependencies (once per process). */
export function registerJobResolution(): void {
  if (registered) return;
  registered = true;
  register('../processes/job-resolve-hooks.js', import.meta.url);
}

/** File names of job modules written in TypeScript (declaration files are not modules). */
export function isTypeScriptModule(path: string): boolean {
  return /\.(m?ts)$/.test(path) && !/\.d\.m?ts$/.test(path);
}

/**
 * Let this process import `.ts`/`.mts` job modules (once per process). tsx is loaded here,
 * lazily, only when a TypeScript job is actually present, so other commands start as fast as
 * before. It strips types without type-checking (like `node --experimental-strip-types`), and
 * ignores the working directory's tsconfig.json: a job must not change meaning with the folder
 * the runner happens to be started from.
 */
export function registerTypeScript(): Promise<void> {
  registerJobResolution();
  // Registered after the job resolution hooks, so tsx's resolve runs first and sees the
  // `format: 'module'` those hooks give TypeScript job files.
  typeScript ??= import('tsx/esm/api').then(({ register: registerTsx }) => {
    registerTsx({ tsconfig: false });
  });
  return typeScript;
}
