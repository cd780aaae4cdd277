// The light helpers. Stand-ins and servers have their own subpaths (`@toolbelt/testkit/postgres`,
// `@toolbelt/testkit/google`, ...) so that a test loads only what it uses.
export { cliEnv, runCli, runCliAsync, startCli } from './run-cli.js';
export type { CliResult, RunCliOptions, StartedCli } from './run-cli.js';
export { seededRandom } from './random.js';
