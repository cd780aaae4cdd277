import { expect, it } from 'vitest';
import type { JobDefinition, JobField } from './job-metadata.js';
import { validateParams } from './job-params.js';
import { paramsWithSecrets, planLaunch, planRunLaunch, type LaunchPaths } from './launch.js';

const paths: LaunchPaths = { node: '/bin/node', preload: 'file:///p.js', jobHost: '/host.js' };

const field = (name: string, type: JobField['type'], extra: Partial<JobField> = {}): JobField => ({
  name,
  label: name,
  type,
  required: false,
  secret: false,
  ...extra,
});

const cli: JobDefinition = {
  name: 'tool cmd',
  description: 'A Toolbelt CLI command.',
  kind: 'toolbelt',
  path: '/apps/tool/bin/run.js',
  commandWords: ['cmd'],
  fields: [
    field('config', 'string'),
    field('notes', 'text'),
    field('token', 'string', { secret: true }),
    field('count', 'integer'),
    field('ratio', 'number'),
    field('day', 'date'),
    field('mode', 'select', { options: ['plan', 'write'] }),
    field('dry-run', 'boolean'),
  ],
};

/** Values an attacker would type into a text field. */
const hostileValues = [
  '--env-file=/tmp/evil.env',
  '--env-file',
  '--require',
  '--require=/tmp/evil.cjs',
  '-r',
  '--inspect',
  '--inspect-brk=0.0.0.0:9229',
  '--import=data:text/javascript,process.exit(9)',
  '--',
  '-',
  '--json',
  'two words',
  `"double" and 'single' quotes`,
  'line one\nline two\r\n--require=/tmp/evil.cjs',
  '$(touch /tmp/pwned); `id` | cat && rm -rf ~ ; > /tmp/x < /etc/passwd * ?',
];

it('puts every string or text value into one --name=value element, after Node options end', () => {
  for (const value of hostileValues) {
    for (const name of ['config', 'notes', 'token']) {
      const { values, problems } = validateParams(cli.fields, { [name]: value });
      expect(problems).toEqual([]);
      const launch = planLaunch(cli, 1, values, {}, paths);
      expect(launch.file).toBe('/bin/node');
      expect(launch.args).toEqual([
        '--import',
        'file:///p.js',
        '--',
        '/apps/tool/bin/run.js',
        'cmd',
        `--${name}=${value}`,
      ]);
    }
  }
});

it('refuses hostile values in typed fields before any argv is built', () => {
  for (const value of hostileValues) {
    const input = { count: value, ratio: value, day: value, mode: value, 'dry-run': value };
    const { values, problems } = validateParams(cli.fields, input);
    expect(
      problems.map((p) => p.field),
      value,
    ).toEqual(['count', 'ratio', 'day', 'mode', 'dry-run']);
    expect(planLaunch(cli, 1, values, {}, paths).args.slice(5)).toEqual([]);
  }
  const { values } = validateParams(cli.fields, {
    count: '-3',
    ratio: '-0.5',
    day: '2026-12-01',
    mode: 'write',
    'dry-run': 'true',
  });
  expect(planLaunch(cli, 1, values, {}, paths).args.slice(5)).toEqual([
    '--count=-3',
    '--ratio=-0.5',
    '--day=2026-12-01',
    '--mode=write',
    '--dry-run',
  ]);
});

it('starts module jobs with parameters on stdin and executables with JOB_PARAM variables only', () => {
  const value = hostileValues.join(' ');
  const module: JobDefinition = {
    name: 'm',
    description: 'd',
    kind: 'module',
    path: '/jobs/m.mjs',
    fields: [field('q', 'string')],
  };
  const launched = planLaunch(module, 7, { q: value }, {}, paths);
  expect(launched.args).toEqual(['--import', 'file:///p.js', '--', '/host.js', '/jobs/m.mjs']);
  expect(JSON.parse(launched.stdin!)).toEqual({ runId: 7, params: { q: value } });

  const executable: JobDefinition = { ...module, kind: 'executable', path: '/jobs/r.sh' };
  const started = planLaunch(executable, 7, { q: value }, { PATH: '/bin' }, paths);
  expect(started).toMatchObject({ file: '/jobs/r.sh', args: [] });
  expect(started.env).toEqual({ PATH: '/bin', JOB_RUN_ID: '7', JOB_PARAM_Q: value });
});

it('puts secrets back, drops masked ones and names the required secrets nobody gave', () => {
  const job: JobDefinition = {
    ...cli,
    fields: [field('token', 'string', { secret: true, required: true }), field('day', 'date')],
    env: ['API_TOKEN', 'NODE_OPTIONS'],
  };
  const base = { PATH: '/bin', API_TOKEN: 'sekret-value', NODE_OPTIONS: '--require=x', OTHER: '1' };
  const given = planRunLaunch(
    job,
    7,
    { token: '***', day: '2024-01-02' },
    { token: 't0ps3cret' },
    base,
    paths,
  );
  expect(given).toMatchObject({ envSecrets: ['sekret-value'] });
  if (!('launch' in given)) throw new Error('expected a launch');
  expect(given.launch.args).toContain('--token=t0ps3cret');
  expect(given.launch.env).toEqual({ PATH: '/bin', API_TOKEN: 'sekret-value' });
  expect(planRunLaunch(job, 7, { token: '***' }, {}, base, paths)).toEqual({ missing: ['token'] });
  expect(paramsWithSecrets(job, { token: '***', day: 'x' }, {})).toEqual({
    params: { day: 'x' },
    missing: ['token'],
  });
});
