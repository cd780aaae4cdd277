import { toFlagArgv } from './cli-jobs.js';
import { planJobEnv, secretEnvValues } from './job-env.js';
import type { JobDefinition } from './job-metadata.js';
import { MASK, type ParamValues } from './job-params.js';

/** How a job is started: a file and argv elements, never a shell. */
export interface Launch {
  file: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** The job tags its lines (Node jobs with the capture preload). */
  framed: boolean;
  stdin?: string;
}

/** Where the runner's own Node helpers are. */
export interface LaunchPaths {
  /** The Node binary (`process.execPath`). */
  node: string;
  /** URL of the capture preload (`--import`). */
  preload: string;
  /** File of the job host that runs a job module. */
  jobHost: string;
}

/**
 * Node options of a job process: the capture preload and nothing else, then `--`. After `--`
 * Node reads no option at all (Node 20 otherwise scans the whole command line for
 * `--env-file`), so nothing after the script can become a Node option.
 */
function nodeOptions(paths: LaunchPaths): string[] {
  return ['--import', paths.preload, '--'];
}

/** `JOB_PARAM_<NAME>` variables of an executable job. */
function paramVariables(runId: number, params: ParamValues): NodeJS.ProcessEnv {
  const vars: NodeJS.ProcessEnv = { JOB_RUN_ID: String(runId) };
  for (const [key, value] of Object.entries(params))
    vars[`JOB_PARAM_${key.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`] = String(value);
  return vars;
}

/**
 * How to start a job. Module jobs get their parameters as JSON on stdin; Toolbelt CLIs as
 * `--name=value` elements (a value is never an element of its own, so `--env-file=...` or
 * `--require` typed into a field stays the field's value); executables as `JOB_PARAM_*`
 * variables. `env` is the job's environment, already reduced to what it may see.
 */
export function planLaunch(
  job: JobDefinition,
  runId: number,
  params: ParamValues,
  env: NodeJS.ProcessEnv,
  paths: LaunchPaths,
): Launch {
  switch (job.kind) {
    case 'module':
      return {
        file: paths.node,
        args: [...nodeOptions(paths), paths.jobHost, job.path],
        env,
        framed: true,
        stdin: JSON.stringify({ runId, params }),
      };
    case 'toolbelt':
      return {
        file: paths.node,
        args: [
          ...nodeOptions(paths),
          job.path,
          ...(job.commandWords ?? []),
          ...toFlagArgv(job.fields, params),
        ],
        env,
        framed: true,
      };
    case 'executable':
      return {
        file: job.path,
        args: [],
        env: { ...env, ...paramVariables(runId, params) },
        framed: false,
      };
  }
}

/** Parameters for the job: the stored (masked) ones with the secrets put back. */
export function paramsWithSecrets(
  job: JobDefinition,
  stored: ParamValues,
  secrets: Readonly<Record<string, string>>,
): { params: ParamValues; missing: string[] } {
  const params: ParamValues = { ...stored };
  const missing: string[] = [];
  for (const field of job.fields.filter((f) => f.secret)) {
    const secret = secrets[field.name];
    if (secret !== undefined) params[field.name] = secret;
    else if (params[field.name] === MASK) {
      delete params[field.name];
      if (field.required) missing.push(field.name);
    }
  }
  return { params, missing };
}

/** How one run starts, or the required secret parameters nobody provided. */
export type RunLaunch =
  | { missing: string[] }
  | {
      launch: Launch;
      /** Values of the job's declared variables that must not appear in stored lines. */
      envSecrets: string[];
    };

/**
 * Everything about starting a run that needs no process: the parameters with secrets put
 * back, the job's reduced environment (taken from `base`) and the file and argv to start.
 */
export function planRunLaunch(
  job: JobDefinition,
  runId: number,
  stored: ParamValues,
  secrets: Readonly<Record<string, string>>,
  base: Readonly<Record<string, string | undefined>>,
  paths: LaunchPaths,
): RunLaunch {
  const { params, missing } = paramsWithSecrets(job, stored, secrets);
  if (missing.length > 0) return { missing };
  const env = planJobEnv(base, job.env);
  return {
    launch: planLaunch(job, runId, params, env, paths),
    envSecrets: secretEnvValues(env, job.env ?? []),
  };
}
