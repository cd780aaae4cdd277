import {
  checkConnector,
  connectorKinds,
  type CheckItem,
  type ConnectorKind,
} from '@toolbelt/connector';
import type { Deps } from './build-deps.js';
import type { Settings } from './settings.js';

/** `check` result: every check of both stages. */
export interface CheckResult {
  ok: boolean;
  checks: (CheckItem & { stage: ConnectorKind })[];
}

/**
 * Checks both stages of the job of JOB_ID without moving data: registry, env, job,
 * credentials, store and reachability (without a job: the built-in CSV connectors).
 */
export async function runCheck(deps: Deps, settings: Settings): Promise<CheckResult> {
  const { env } = settings;
  const jobs = await deps.jobs();
  const job = env.JOB_ID ? await jobs.getJob(Number(env.JOB_ID)) : undefined;
  const checks: CheckResult['checks'] = [];
  for (const stage of connectorKinds) {
    const id = job ? (stage === 'source' ? job.source : job.destination).connector : 'csv';
    const connector = await deps.catalogue.find(stage, id);
    const items = await checkConnector({
      kind: stage,
      connector,
      env,
      registry: deps.registry,
      jobs,
      store: deps.store,
      logger: deps.logger,
      lang: deps.lang,
    });
    checks.push(...items.map((item) => ({ ...item, stage })));
  }
  return { ok: checks.every((c) => c.ok), checks };
}
