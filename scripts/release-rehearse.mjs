#!/usr/bin/env node
// `pnpm release:rehearse`: the release as a user meets it, against a real registry on this
// machine. Run after `pnpm build`.
//
//  1. checks every public package's publishing metadata (scripts/package-metadata.mjs --check);
//  2. packs every public workspace package present now (pnpm pack turns workspace:* into the
//     versions) and checks no tests, sources, source maps or configs are in a tarball;
//  3. starts verdaccio 6.8.0 on 127.0.0.1 with a temporary storage (installed once with npm
//     into ~/.cache/toolbelt-release, outside the workspace, node-fetch overridden to 2.7.0);
//     @toolbelt/* is served only from what this run publishes, everything else is proxied from
//     the npm registry this machine uses;
//  4. registers a throw-away user and publishes every tarball with npm;
//  5. with a clean HOME and npm cache, in empty folders outside the repository:
//     - installs each tool alone and records the size of node_modules,
//     - runs each tool with `npx --registry=<local> @toolbelt/<tool>@<version> ...` on its
//       embedded defaults with the bundled examples (the steps of `pnpm demo`),
//     - scaffolds `connector-template new acme`, installs it from the registry, runs its test,
//     - installs job-runner and support-rota side by side; `job-runner list` must list
//       `support-rota generate`;
//  6. stops the registry and removes everything it made (`--keep` leaves the folder).
//
// The versions published are the ones in the package.json files: after `pnpm changeset
// version` they are the release's (CONTRIBUTING.md, "Releases").
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  lstatSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const keep = process.argv.includes('--keep');
const VERDACCIO = '6.8.0';
const stepTimeout = 10 * 60_000;

/** The public workspace packages present now, with their folder and version. */
function publicPackages() {
  return ['apps', 'packages']
    .flatMap((group) =>
      existsSync(join(root, group))
        ? readdirSync(join(root, group)).map((name) => join(root, group, name))
        : [],
    )
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => ({
      dir,
      name: manifest.name,
      version: manifest.version,
      tool: manifest.bin ? Object.keys(manifest.bin)[0] : undefined,
    }));
}

/** Sum of the apparent sizes of every file under `dir` (symbolic links counted as links). */
function treeBytes(dir) {
  let total = 0;
  let files = 0;
  const walk = (path) => {
    const st = lstatSync(path);
    if (st.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
    else {
      total += st.size;
      files++;
    }
  };
  if (existsSync(dir)) walk(dir);
  return { bytes: total, files };
}

/** The three largest top-level packages of `nodeModules`, as "name size MB". */
function largest(nodeModules) {
  const dirs = readdirSync(nodeModules)
    .filter((n) => !n.startsWith('.'))
    .flatMap((n) =>
      n.startsWith('@') ? readdirSync(join(nodeModules, n)).map((sub) => `${n}/${sub}`) : [n],
    );
  return dirs
    .map((name) => ({ name, bytes: treeBytes(join(nodeModules, name)).bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 3)
    .map((d) => `${d.name} ${(d.bytes / 1024 / 1024).toFixed(1)} MB`)
    .join(', ');
}

function countPackages(nodeModules) {
  let count = 0;
  if (!existsSync(nodeModules)) return 0;
  for (const name of readdirSync(nodeModules)) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@'))
      for (const sub of readdirSync(join(nodeModules, name))) {
        count++;
        count += countPackages(join(nodeModules, name, sub, 'node_modules'));
      }
    else {
      count++;
      count += countPackages(join(nodeModules, name, 'node_modules'));
    }
  }
  return count;
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs a command, output shown; returns its exit status (and stdout when `capture`). */
function run(title, cmd, args, { cwd, env, capture = false }) {
  console.log(`\n$ ${[cmd, ...args].join(' ')}${cwd ? `   (in ${cwd})` : ''}`);
  const result = spawnSync(cmd, args, {
    cwd,
    env,
    stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'],
    encoding: 'utf8',
    timeout: stepTimeout,
    maxBuffer: 64 * 1024 * 1024,
  });
  const status = result.status ?? (result.signal ? 128 : 1);
  if (result.error) console.log(`!! ${title}: ${result.error.message}`);
  return { status, stdout: result.stdout ?? '' };
}

/** verdaccio installed once into the user's cache, outside the workspace and its lockfile. */
function ensureVerdaccio() {
  const base = join(
    process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'),
    'toolbelt-release',
    `verdaccio-${VERDACCIO}`,
  );
  const installed = join(base, 'node_modules', 'verdaccio', 'package.json');
  if (existsSync(installed) && JSON.parse(readFileSync(installed, 'utf8')).version === VERDACCIO)
    return join(base, 'node_modules', 'verdaccio', 'bin', 'verdaccio');
  mkdirSync(base, { recursive: true });
  writeFileSync(
    join(base, 'package.json'),
    JSON.stringify(
      {
        name: 'toolbelt-release-registry',
        private: true,
        description: 'The local registry of pnpm release:rehearse (scripts/release-rehearse.mjs).',
        dependencies: { verdaccio: VERDACCIO },
        // verdaccio 6.8.0's node-fetch 3 pulls packages that need Node 22; 2.7.0 works on 20.
        overrides: { 'node-fetch': '2.7.0' },
      },
      null,
      2,
    ),
  );
  const npmInstall = run(
    'install verdaccio',
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: base, env: process.env },
  );
  if (npmInstall.status !== 0) throw new Error(`npm install verdaccio@${VERDACCIO} failed`);
  return join(base, 'node_modules', 'verdaccio', 'bin', 'verdaccio');
}

/** The registry npm uses on this machine (the uplink for everything but @toolbelt/*). */
function upstreamRegistry() {
  const r = spawnSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' });
  const url = (r.stdout ?? '').trim();
  return /^https?:\/\//.test(url) ? url : 'https://registry.npmjs.org/';
}

async function startRegistry(work) {
  const bin = ensureVerdaccio();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const storage = join(work, 'registry', 'storage');
  mkdirSync(storage, { recursive: true });
  const config = join(work, 'registry', 'config.yaml');
  writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(storage)}`,
      'auth:',
      '  htpasswd:',
      `    file: ${JSON.stringify(join(work, 'registry', 'htpasswd'))}`,
      '    max_users: 1',
      'uplinks:',
      '  upstream:',
      `    url: ${JSON.stringify(upstreamRegistry())}`,
      '    timeout: 60s',
      '    max_fails: 5',
      'packages:',
      // Our scope never comes from the uplink: only what this rehearsal published.
      "  '@toolbelt/*':",
      '    access: $all',
      '    publish: $authenticated',
      "  '**':",
      '    access: $all',
      '    publish: $authenticated',
      '    proxy: upstream',
      'web:',
      '  enable: false',
      'max_body_size: 50mb',
      'log: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  const child = spawn(
    process.execPath,
    [bin, '--config', config, '--listen', `127.0.0.1:${port}`],
    {
      cwd: join(work, 'registry'),
      env: { ...process.env, HOME: join(work, 'registry') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exited = false;
  child.on('exit', () => (exited = true));
  for (let i = 0; i < 600; i++) {
    if (exited) throw new Error(`verdaccio exited at start:\n${output}`);
    try {
      const res = await fetch(`${url}-/ping`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(100);
    if (i === 599) throw new Error(`verdaccio did not answer on ${url} in 60 s:\n${output}`);
  }
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    for (let i = 0; i < 50 && !exited; i++) await sleep(100);
    if (!exited) child.kill('SIGKILL');
  };
  return { url, port, stop, output: () => output };
}

/** A throw-away user on the local registry (what `npm adduser` does), and its token. */
async function registerUser(url) {
  const name = 'rehearsal';
  const res = await fetch(`${url}-/user/org.couchdb.user:${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      _id: `org.couchdb.user:${name}`,
      name,
      password: `pw-${process.pid}-${Date.now()}`,
      type: 'user',
      roles: [],
      date: new Date().toISOString(),
    }),
  });
  const body = await res.json();
  if (!res.ok || typeof body.token !== 'string')
    throw new Error(`registering a user on ${url} failed: ${res.status} ${JSON.stringify(body)}`);
  return body.token;
}

/** Files a published package must not carry. */
const devFile =
  /(^|\/)(src|test|tests|__tests__|bench|coverage)\/|\.test\.|\.spec\.|\.(js|d\.ts)\.map$|(^|\/)tsconfig[^/]*\.json$|(^|\/)vitest\.config|(^|\/)bin\/dev\.js$|\.tsbuildinfo$|(^|\/)\.vitest-report\.json$/;

function userEnv(work, registryUrl) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    // pnpm's and npm's settings of the calling workspace are not the user's.
    if (/^(npm_|pnpm_|PNPM_|npm_config_)/i.test(key)) continue;
    env[key] = value;
  }
  for (const key of [
    'DATABASE_URL',
    'SMTP_URL',
    'SMTP_HOST',
    'GMAIL_USER',
    'SLACK_WEBHOOK_URL',
    'S3_BUCKET',
    'REPORT_SPREADSHEET_ID',
    'HR_MOT_SHEETS_ID',
    'TECH_TRACKER_SHEETS_ID',
    'NODE_PATH',
    'INIT_CWD',
  ])
    delete env[key];
  // No workspace node_modules/.bin on PATH: every tool must come from the registry.
  env.PATH = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((p) => p && !p.startsWith(root) && !/node_modules[\\/]\.bin$/.test(p))
    .join(delimiter);
  env.HOME = join(work, 'home');
  env.npm_config_userconfig = join(work, 'home', '.npmrc');
  env.npm_config_cache = join(work, 'npm-cache');
  env.npm_config_registry = registryUrl;
  env.npm_config_update_notifier = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_audit = 'false';
  env.XDG_CONFIG_HOME = join(work, 'home', '.config');
  env.XDG_CACHE_HOME = join(work, 'home', '.cache');
  env.XDG_DATA_HOME = join(work, 'home', '.local', 'share');
  return env;
}

async function main() {
  const started = Date.now();
  const packages = publicPackages();
  const unbuilt = packages.filter((p) => !existsSync(join(p.dir, 'dist')));
  if (unbuilt.length > 0) {
    console.error(
      `release:rehearse: not built: ${unbuilt.map((p) => p.name).join(', ')}. Run pnpm build first.`,
    );
    return 1;
  }
  const meta = spawnSync(
    process.execPath,
    [join(root, 'scripts', 'package-metadata.mjs'), '--check'],
    {
      stdio: 'inherit',
    },
  );
  if (meta.status !== 0) return 1;

  const work = mkdtempSync(join(tmpdir(), 'toolbelt-rehearse-'));
  console.log(`Release rehearsal in ${work} (${packages.length} packages)`);
  const results = [];
  const record = (title, status, expected = [0]) => {
    const ok = expected.includes(status);
    results.push({ title, status, ok });
    console.log(`${ok ? 'ok' : '!!'} ${title}: exit ${status}`);
    return ok;
  };
  let registry;
  const sizes = [];
  try {
    // 1. Pack (workspace:* becomes the released version) and look inside each tarball.
    const packs = join(work, 'packs');
    mkdirSync(packs, { recursive: true });
    const tarballs = [];
    for (const pkg of packages) {
      const before = new Set(readdirSync(packs));
      const packed = run(`pack ${pkg.name}`, 'pnpm', ['pack', '--pack-destination', packs], {
        cwd: pkg.dir,
        env: process.env,
        capture: true,
      });
      const file = readdirSync(packs).find((f) => !before.has(f) && f.endsWith('.tgz'));
      if (!record(`pack ${pkg.name}@${pkg.version}`, file ? packed.status : 1)) continue;
      const list = spawnSync('tar', ['tzf', join(packs, file)], { encoding: 'utf8' });
      const entries = list.stdout
        .split('\n')
        .filter(Boolean)
        .map((e) => e.replace(/^package\//, ''));
      const bad = entries.filter((e) => devFile.test(e));
      if (bad.length > 0)
        console.log(`!! ${pkg.name} packs dev files: ${bad.slice(0, 10).join(', ')}`);
      const manifest = JSON.parse(
        spawnSync('tar', ['xzOf', join(packs, file), 'package/package.json'], { encoding: 'utf8' })
          .stdout,
      );
      const workspaceRanges = Object.entries({
        ...manifest.dependencies,
        ...manifest.peerDependencies,
      }).filter(([, range]) => String(range).startsWith('workspace:'));
      if (workspaceRanges.length > 0)
        console.log(`!! ${pkg.name} still has workspace ranges: ${workspaceRanges.join(', ')}`);
      record(
        `${pkg.name}: ${entries.length} files, none of them tests or sources; README ${entries.includes('README.md') ? 'in' : 'MISSING'}`,
        bad.length === 0 && workspaceRanges.length === 0 && entries.includes('README.md') ? 0 : 1,
      );
      tarballs.push({ ...pkg, file: join(packs, file) });
    }

    // 2. The registry and a publisher's token.
    registry = await startRegistry(work);
    console.log(`\nRegistry (verdaccio ${VERDACCIO}) on ${registry.url}`);
    const token = await registerUser(registry.url);
    const publisherRc = join(work, 'publisher.npmrc');
    writeFileSync(
      publisherRc,
      `registry=${registry.url}\n//127.0.0.1:${registry.port}/:_authToken=${token}\n`,
    );
    const publishEnv = { ...userEnv(work, registry.url), npm_config_userconfig: publisherRc };
    for (const pkg of tarballs) {
      const published = run(
        `publish ${pkg.name}`,
        'npm',
        ['publish', pkg.file, '--registry', registry.url, '--access', 'public', '--loglevel=warn'],
        { cwd: work, env: publishEnv },
      );
      record(`publish ${pkg.name}@${pkg.version}`, published.status);
    }

    // 3. A user's machine: clean HOME and npm cache, empty folders, only the registry.
    mkdirSync(join(work, 'home'), { recursive: true });
    writeFileSync(join(work, 'home', '.npmrc'), `registry=${registry.url}\n`);
    const env = userEnv(work, registry.url);
    const tools = tarballs.filter((p) => p.tool);
    const spec = (p) => `${p.name}@${p.version}`;
    const npx = (p, args, cwd, extraEnv = {}) =>
      run(`npx ${p.tool}`, 'npx', ['--yes', `--registry=${registry.url}`, spec(p), ...args], {
        cwd,
        env: { ...env, ...extraEnv },
      }).status;
    const tool = (bin) => tools.find((p) => p.tool === bin);

    // 3a. Each tool alone in an empty project: what installing it costs.
    for (const p of tools) {
      const project = join(work, 'alone', p.tool);
      mkdirSync(project, { recursive: true });
      writeFileSync(
        join(project, 'package.json'),
        JSON.stringify({ name: `alone-${p.tool}`, private: true }),
      );
      const installed = run(
        `install ${p.name}`,
        'npm',
        ['install', spec(p), '--registry', registry.url, '--loglevel=error'],
        { cwd: project, env },
      );
      if (!record(`npm install ${spec(p)} in an empty project`, installed.status)) continue;
      const { bytes, files } = treeBytes(join(project, 'node_modules'));
      const count = countPackages(join(project, 'node_modules'));
      sizes.push({
        tool: p.tool,
        bytes,
        files,
        packages: count,
        largest: largest(join(project, 'node_modules')),
      });
      const help = run(
        `${p.tool} --version`,
        join(project, 'node_modules', '.bin', p.tool),
        ['--version'],
        {
          cwd: project,
          env,
        },
      );
      record(`${p.tool} --version from its installed bin`, help.status);
      rmSync(project, { recursive: true, force: true });
    }

    // 3b. The demo steps through npx, in an empty folder with the bundled examples.
    const demo = join(work, 'demo');
    mkdirSync(demo, { recursive: true });
    cpSync(join(root, 'examples'), join(demo, 'examples'), {
      recursive: true,
      filter: (src) => !src.includes(join('examples', 'support-rota', 'generated')),
    });
    if (tool('tech-tracker')) {
      const tt = join(demo, 'tech-tracker');
      mkdirSync(tt);
      for (const file of ['mot.xlsx', 'tech-tracker.xlsx'])
        cpSync(join(demo, 'examples', 'tech-tracker', file), join(tt, file));
      const sync = [
        'sync',
        '--school-year',
        '23-24',
        '--mot',
        'mot.xlsx',
        '--tracker',
        'tech-tracker.xlsx',
        '--today',
        '2023-07-15',
      ];
      const ttEnv = { NOTIF_TO_ADDRESS: 'tech-team@example.org', OUTBOX_DIR: 'outbox' };
      record(
        'tech-tracker sync --dry-run (xlsx)',
        npx(tool('tech-tracker'), [...sync, '--dry-run'], tt, ttEnv),
      );
      record(
        'tech-tracker sync (xlsx, backup, outbox e-mail)',
        npx(tool('tech-tracker'), sync, tt, ttEnv),
      );
      record(
        'tech-tracker wrote its backup and e-mail',
        existsSync(join(tt, 'outbox')) && readdirSync(join(tt, 'outbox')).length > 0 ? 0 : 1,
      );
    }
    if (tool('support-rota'))
      record(
        'support-rota generate (.ics + reports)',
        npx(
          tool('support-rota'),
          ['generate', '--config', 'examples/support-rota/rota.yaml'],
          demo,
        ),
      );
    if (tool('learning-etl'))
      record(
        'learning-etl run (PGlite, .xlsx report, .outbox e-mail)',
        npx(
          tool('learning-etl'),
          [
            'run',
            '--dotenv',
            'examples/learning-etl/demo.env',
            '--date',
            '2023-05-31',
            '--source-file',
            'examples/learning-etl/api-response-2023-05-31.json',
          ],
          demo,
        ),
      );
    if (tool('connector-template')) {
      const ctEnv = {
        PGLITE_DIR: 'connector/data',
        OBJECTS_DIR: 'connector/objects',
        MASTER_HASH: 'rehearsal-master-hash-not-for-production',
      };
      for (const args of [
        ['jobs', 'add', '--file', 'examples/connector/job.json'],
        ['jobs', 'list'],
        ['run', '--job', '1', '--dry-run'],
        ['run', '--job', '1'],
        ['history', '--job', '1'],
      ])
        record(
          `connector-template ${args.join(' ')}`,
          npx(tool('connector-template'), [...args, '--log-dir', 'connector/logs'], demo, ctEnv),
        );
    }
    if (tool('job-runner')) {
      const jr = tool('job-runner');
      record(
        'job-runner list --jobs-dir examples/jobs',
        npx(jr, ['list', '--jobs-dir', 'examples/jobs'], demo),
      );
      record(
        'job-runner run hello-world (PGlite, live logs)',
        npx(jr, ['run', 'hello-world', '--jobs-dir', 'examples/jobs', '--set', 'name=Ann'], demo),
      );
      record(
        'job-runner run hello-typescript (tsx)',
        npx(
          jr,
          [
            'run',
            'hello-typescript',
            '--jobs-dir',
            'examples/jobs',
            '--set',
            'name=Ada',
            '--set',
            'shout=true',
          ],
          demo,
        ),
      );
    }

    // 3c. A scaffolded connector, installed from the registry, passes its own test.
    if (tool('connector-template')) {
      const scaffold = join(work, 'scaffold');
      mkdirSync(scaffold, { recursive: true });
      const made = npx(tool('connector-template'), ['new', 'acme', '--kind', 'source'], scaffold);
      record('connector-template new acme --kind source', made);
      const acme = join(scaffold, 'acme');
      if (made === 0) {
        const deps = JSON.parse(readFileSync(join(acme, 'package.json'), 'utf8')).dependencies;
        console.log(`acme depends on ${JSON.stringify(deps)}`);
        record(
          `acme depends on @toolbelt/connector ^${tool('connector-template').version}`,
          deps['@toolbelt/connector'] === `^${tool('connector-template').version}` ? 0 : 1,
        );
        const installed = run('install acme', 'npm', ['install', '--loglevel=error'], {
          cwd: acme,
          env,
        });
        if (record('npm install in acme (from the registry)', installed.status)) {
          // Its vitest output is shown only when it fails: the closing lines of a CI log
          // belong to the workspace's own test summary.
          const tested = run('test acme', 'npm', ['test'], { cwd: acme, env, capture: true });
          if (tested.status !== 0) process.stdout.write(tested.stdout);
          record('npm test in acme (its scaffolded vitest test)', tested.status);
        }
      }
    }

    // 3d. Two tools side by side: job-runner lists the other one as a job.
    if (tool('job-runner') && tool('support-rota')) {
      const pair = join(work, 'side-by-side');
      mkdirSync(pair, { recursive: true });
      writeFileSync(
        join(pair, 'package.json'),
        JSON.stringify({ name: 'side-by-side', private: true }),
      );
      const installed = run(
        'install two tools',
        'npm',
        ['install', spec(tool('job-runner')), spec(tool('support-rota')), '--loglevel=error'],
        { cwd: pair, env },
      );
      if (record('npm install job-runner and support-rota side by side', installed.status)) {
        const listed = run(
          'job-runner list',
          'npx',
          ['--no-install', 'job-runner', 'list', '--json'],
          {
            cwd: pair,
            env,
            capture: true,
          },
        );
        process.stdout.write(listed.stdout);
        let names = [];
        try {
          const out = JSON.parse(listed.stdout);
          names = (out.jobs ?? out.result?.jobs ?? out.data?.jobs ?? []).map((j) => j.name);
        } catch {
          // not JSON: reported below
        }
        record('job-runner list --json', listed.status);
        record(
          `job-runner list names the installed support-rota (${names.filter((n) => n.startsWith('support-rota')).join(', ') || 'none'})`,
          names.includes('support-rota generate') ? 0 : 1,
        );
      }
    }
  } catch (error) {
    record(`rehearsal: ${error instanceof Error ? error.message : String(error)}`, 70);
  } finally {
    if (registry) await registry.stop();
    if (keep) console.log(`\nKept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }

  if (sizes.length > 0) {
    console.log(
      '\nInstall size of each tool alone (node_modules of an empty project after npm install):',
    );
    for (const s of sizes)
      console.log(
        `  ${`@toolbelt/${s.tool}`.padEnd(30)} ${(s.bytes / 1024 / 1024).toFixed(1).padStart(7)} MB  ${String(s.packages).padStart(4)} packages  ${s.files} files; largest: ${s.largest}`,
      );
  }
  const failed = results.filter((r) => !r.ok);
  console.log(
    `\nRelease rehearsal: ${results.length - failed.length} of ${results.length} checks passed in ${Math.round((Date.now() - started) / 1000)} s${existsSync(work) && !keep ? ` (${work} not removed)` : ''}.`,
  );
  for (const f of failed) console.log(`  failed: ${f.title} (exit ${f.status})`);
  return failed.length > 0 ? 1 : 0;
}

process.exit(await main());
