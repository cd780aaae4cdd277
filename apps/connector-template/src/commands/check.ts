import { Flags } from '@oclif/core';
import { BaseCommand } from '@toolbelt/cli-kit';
import {
  checkConnector,
  connectorKinds,
  type CheckItem,
  type ConnectorKind,
} from '@toolbelt/connector';
import type { ErrorCode } from '@toolbelt/errors';
import { buildDeps } from '../deps.js';
import { definedEnv } from '../env.js';
import { catalogs } from '../i18n/catalogs.js';

/** `check` result: every check of both stages. */
export interface CheckResult {
  ok: boolean;
  checks: (CheckItem & { stage: ConnectorKind })[];
}

export default class Check extends BaseCommand<typeof Check> {
  static override summary =
    'Check a job without moving data: env, registry, credentials, store and reachability.';
  static override examples = [
    '<%= config.bin %> check --job 1',
    'JOB_ID=1 <%= config.bin %> check --json',
  ];
  static override flags = {
    job: Flags.integer({ summary: 'Job id (default: env JOB_ID).', min: 1 }),
    registry: Flags.string({
      summary: 'Connector registry file (default ./connectors.yaml when present).',
    }),
  };
  static override exitCodes: readonly ErrorCode[] = ['OK', 'USAGE', 'CONFIG', 'INTERNAL'];
  static override catalogs = catalogs;

  async run(): Promise<CheckResult> {
    const env = {
      ...definedEnv(this.env),
      ...(this.flags.job ? { JOB_ID: String(this.flags.job) } : {}),
    };
    const deps = await buildDeps({
      env,
      ...(this.flags.registry ? { registryFile: this.flags.registry } : {}),
    });
    try {
      const jobs = await deps.jobs();
      const job = env.JOB_ID ? await jobs.getJob(Number(env.JOB_ID)) : undefined;
      const checks: CheckResult['checks'] = [];
      for (const stage of connectorKinds) {
        const id = job
          ? stage === 'source'
            ? job.source.connector
            : job.destination.connector
          : 'csv';
        const connector = await deps.catalogue.find(stage, id);
        const items = await checkConnector({
          kind: stage,
          connector,
          env,
          registry: deps.registry,
          jobs,
          store: deps.store,
          logger: this.logger,
          lang: this.lang,
        });
        checks.push(...items.map((item) => ({ ...item, stage })));
      }
      for (const c of checks) {
        const line = this.t('check.line', {
          status: c.ok ? this.t('check.ok') : this.t('check.failed'),
          stage: c.stage,
          name: c.name,
          message: c.message,
        });
        if (c.ok) this.logger.info(line);
        else this.logger.error(line);
      }
      const ok = checks.every((c) => c.ok);
      this.logger.info(this.t(ok ? 'check.allOk' : 'check.someFailed'));
      if (!ok) this.setExitCode('CONFIG');
      return { ok, checks };
    } finally {
      await deps.close();
    }
  }
}
