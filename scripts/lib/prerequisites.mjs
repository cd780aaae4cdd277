// The system programs the test suites need, how to find them, and how to install the missing
// ones (Debian packages through apt). Used by scripts/test.mjs and .ci/run.
//
//   node scripts/lib/prerequisites.mjs               check; install what is missing when root/sudo
//   node scripts/lib/prerequisites.mjs --no-install  check only; exit 69 naming the apt command
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Where the probes look. `root` prefixes every absolute path (tests point it at an empty
 * folder); `env` gives PATH, CHROMIUM_PATH and DATABASE_URL.
 */
export function defaultProbe() {
  return { root: '/', env: process.env };
}

const under = (root, path) => (root === '/' ? path : join(root, path));

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The first folder of PATH holding an executable `name`, else undefined. */
export function onPath(name, env) {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const file = join(dir, name);
    if (isExecutable(file)) return file;
  }
  return undefined;
}

/** The folder with initdb and pg_ctl, as testkit looks: /usr/lib/postgresql/<newest>/bin, then PATH. */
function findPostgres({ root, env }) {
  const base = under(root, '/usr/lib/postgresql');
  const hasTools = (dir) => isExecutable(join(dir, 'initdb')) && isExecutable(join(dir, 'pg_ctl'));
  if (existsSync(base))
    for (const v of readdirSync(base)
      .filter((d) => /^\d+$/.test(d))
      .sort((a, b) => Number(b) - Number(a)))
      if (hasTools(join(base, v, 'bin'))) return join(base, v, 'bin');
  const initdb = onPath('initdb', env);
  return initdb && hasTools(join(initdb, '..')) ? join(initdb, '..') : undefined;
}

/** Each prerequisite: what uses it, how it is found, and the Debian package that provides it. */
export const prerequisites = [
  {
    name: 'PostgreSQL server binaries (initdb, pg_ctl)',
    usedBy: 'the ephemeral test clusters of testkit',
    apt: 'postgresql',
    // An existing server in DATABASE_URL replaces the ephemeral cluster.
    find: (probe) => (probe.env.DATABASE_URL ? 'DATABASE_URL' : findPostgres(probe)),
  },
  {
    name: 'Chromium',
    usedBy: 'the job-runner web UI tests (playwright-core drives it)',
    apt: 'chromium',
    // testkit launches CHROMIUM_PATH, else /usr/bin/chromium.
    find: ({ root, env }) => {
      const path = env.CHROMIUM_PATH || under(root, '/usr/bin/chromium');
      return isExecutable(path) ? path : undefined;
    },
  },
  {
    name: "Debian's python3",
    usedBy: 'the pseudo-terminal prompt test and the Python-literal cross-check of learning-etl',
    apt: 'python3',
    find: ({ root }) => {
      const path = under(root, '/usr/bin/python3');
      return isExecutable(path) ? path : undefined;
    },
  },
];

/** The prerequisites not found by `probe`. */
export function missingPrerequisites(probe = defaultProbe(), list = prerequisites) {
  return list.filter((p) => p.find(probe) === undefined);
}

/** The one command that installs `missing` (with sudo unless root). */
export function installCommand(missing, { root: isRoot }) {
  const packages = [...new Set(missing.map((p) => p.apt))].join(' ');
  return `${isRoot ? '' : 'sudo '}apt-get install ${packages}`;
}

/** What the user reads when something is missing and will not be installed here. */
export function missingMessage(missing, { root: isRoot }) {
  return [
    'The tests need system programs that this machine lacks:',
    ...missing.map((p) => `  - ${p.name}, for ${p.usedBy}`),
    `Install them with:  ${installCommand(missing, { root: isRoot })}`,
    '(or point DATABASE_URL at a PostgreSQL server / CHROMIUM_PATH at a Chromium binary).',
  ].join('\n');
}

/**
 * How this machine can install Debian packages: as root, through password-less sudo, or not
 * at all (no apt-get, or neither root nor sudo).
 */
export function installer(env = process.env) {
  if (!onPath('apt-get', env)) return undefined;
  const apt = ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get'];
  if (process.getuid?.() === 0) return { root: true, apt };
  if (onPath('sudo', env) && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0)
    return { root: false, apt: ['sudo', '-n', ...apt] };
  return undefined;
}

/**
 * Checks the prerequisites and installs the missing ones when it can (and `install` is true).
 * Returns 0 when everything is there, else 69 after printing the exact apt command.
 */
export function ensurePrerequisites({
  install = true,
  probe = defaultProbe(),
  log = console.error,
} = {}) {
  let missing = missingPrerequisites(probe);
  if (missing.length === 0) return 0;
  const isRoot = process.getuid?.() === 0;
  const how = install ? installer(probe.env) : undefined;
  if (how) {
    const packages = [...new Set(missing.map((p) => p.apt))];
    log(`Installing the missing test prerequisites: apt-get install ${packages.join(' ')}`);
    const apt = (args) =>
      spawnSync(how.apt[0], [...how.apt.slice(1), ...args], {
        stdio: ['ignore', 'inherit', 'inherit'],
      }).status;
    if (apt(['update', '-qq']) === 0)
      apt(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
    missing = missingPrerequisites(probe);
    if (missing.length === 0) return 0;
  }
  log(missingMessage(missing, { root: isRoot }));
  return 69;
}

if (import.meta.url === `file://${process.argv[1]}`)
  process.exit(ensurePrerequisites({ install: !process.argv.includes('--no-install') }));
