import { expect, it } from 'vitest';
import { documentedEnvNames } from './cli-jobs.js';
import { planJobEnv, secretEnvValues } from './job-env.js';
import { checkJobMetadata } from './job-metadata.js';

const runnerEnv = {
  PATH: '/usr/bin',
  HOME: '/home/ann',
  LANG: 'en_GB.UTF-8',
  LC_TIME: 'ru_RU.UTF-8',
  TZ: 'Europe/London',
  TMPDIR: '/tmp',
  SMTP_PASSWORD: 'smtp-secret',
  DATABASE_URL: 'postgres://app:db-secret@db/app',
  AWS_SECRET_ACCESS_KEY: 'aws-secret',
  JOB_RUNNER_TOKEN: 'runner-token',
  NODE_OPTIONS: '--require /tmp/evil.cjs',
  LD_PRELOAD: '/tmp/evil.so',
  SCHOOLOGY_CONSUMER_KEY: 'ck',
};

it('gives a job the allowlist and what it declares, nothing else', () => {
  expect(planJobEnv(runnerEnv)).toEqual({
    PATH: '/usr/bin',
    HOME: '/home/ann',
    LANG: 'en_GB.UTF-8',
    LC_TIME: 'ru_RU.UTF-8',
    TZ: 'Europe/London',
    TMPDIR: '/tmp',
  });
  const env = planJobEnv(runnerEnv, [
    'SCHOOLOGY_CONSUMER_KEY',
    'DATABASE_URL',
    'NODE_OPTIONS',
    'JOB_RUNNER_TOKEN',
    'MISSING',
  ]);
  expect(env.SCHOOLOGY_CONSUMER_KEY).toBe('ck');
  expect(env.DATABASE_URL).toBe(runnerEnv.DATABASE_URL);
  expect(Object.keys(env)).not.toContain('NODE_OPTIONS');
  expect(Object.keys(env)).not.toContain('JOB_RUNNER_TOKEN');
  expect(Object.keys(env)).not.toContain('SMTP_PASSWORD');
  expect(Object.keys(env)).not.toContain('MISSING');
});

it('masks declared secrets and the passwords of URL variables', () => {
  const env = { ...runnerEnv, API_TOKEN: 'tok-123456', SHORT_PASSWORD: 'abc', PORT: '5432' };
  expect(
    secretEnvValues(env, ['API_TOKEN', 'SHORT_PASSWORD', 'DATABASE_URL', 'PORT', 'HOME']).sort(),
  ).toEqual(['db-secret', 'tok-123456']);
  expect(secretEnvValues({ U: 'https://u:p%40ss@h/' }, ['U']).sort()).toEqual(['p%40ss', 'p@ss']);
});

it('checks the env a job declares: names only, no loader or runner variables', () => {
  const base = { name: 'j', description: 'd' };
  expect(checkJobMetadata({ ...base, env: ['SCHOOLOGY_CONSUMER_KEY'] })).toMatchObject({
    ok: true,
    env: ['SCHOOLOGY_CONSUMER_KEY'],
  });
  expect(checkJobMetadata({ ...base, env: 'PATH' })).toEqual({
    ok: false,
    problems: ['env: not a list of variable names'],
  });
  expect(checkJobMetadata({ ...base, env: ['NODE_OPTIONS', 'JOB_RUNNER_TOKEN', 'A B'] })).toEqual({
    ok: false,
    problems: [
      'env: NODE_OPTIONS cannot be passed to a job (a loader option or a setting of the runner)',
      'env: JOB_RUNNER_TOKEN cannot be passed to a job (a loader option or a setting of the runner)',
      'env: "A B" is not a variable name',
    ],
  });
});

it('reads the variables a Toolbelt CLI documents from its README', () => {
  const readme =
    '| `SMTP_URL` or `SMTP_HOST` | mail |\nSet `DATABASE_URL=postgres://...`; `NODE_OPTIONS` is not ours; `--dry-run` and `Ok` are not variables; JOB_RUNNER_X.';
  expect(documentedEnvNames(readme)).toEqual(['DATABASE_URL', 'SMTP_HOST', 'SMTP_URL']);
});
