import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLearningApi, type LearningApiStandIn } from '@toolbelt/testkit/learning-api';
import { runOnPty } from '@toolbelt/testkit/pty';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { cliEnv, runCliAsync } from '@toolbelt/testkit';
import { binPath } from './cli.js';

const promptEn = 'Enter processing date in format: <<YYYY-mm-dd> or type <exit> for quit: ';
// The original's Russian prompt, word for word.
const promptRu =
  'Введите дату извлечения/загрузки данных в формате: <YYYY-mm-dd> или <exit> для выхода: ';

let api: LearningApiStandIn;
let dir: TempDir;
const env = () => ({
  ITRESUME_API_URL: api.url,
  ITRESUME_CLIENT: 'test-client',
  ITRESUME_CLIENT_KEY: 'test-key',
});

/** Run `learning-etl run ...` on a real pseudo-terminal, typing each answer after the prompt. */
function onTerminal(args: string[], answers: string[], prompt = promptEn) {
  return runOnPty(
    [process.execPath, binPath, 'run', ...args],
    answers.map((answer) => ({ waitFor: prompt, send: `${answer}\n` })),
    { cwd: dir.path, env: cliEnv(env()), timeoutSeconds: 90 },
  );
}

beforeAll(async () => {
  api = await startLearningApi({ recordsPerDay: 50 });
  dir = makeTempDir('learning-etl-prompt');
});
afterAll(async () => {
  await api?.stop();
  await dir?.cleanup();
});

describe('the date prompt on a terminal', () => {
  it('prints the original prompt; exit in any case quits with 0 and no request', async () => {
    for (const word of ['exit', 'EXIT', 'Exit']) {
      const result = await onTerminal(['--no-report', '--no-email'], [word]);
      expect(result.code).toBe(0);
      expect(result.output.startsWith(`${promptEn}${word}\n`), result.output).toBe(true);
    }
    expect(api.requests).toHaveLength(0);
  }, 120_000);

  it('says "Bad input" and asks again until a real date comes, then processes it', async () => {
    const result = await onTerminal(
      ['--dry-run', '--no-report', '--no-email'],
      ['31.05.2023', '2023-02-30', '2023-05-31'],
    );
    expect(result.code, result.output).toBe(0);
    expect(result.output.split(promptEn)).toHaveLength(4);
    expect(result.output.match(/^Bad input\. Let's try again\.\.\.$/gm)).toHaveLength(2);
    expect(result.output).toContain('2023-05-31 (dry run): 50 read');
    expect(api.requests.at(-1)?.query.start).toBe('2023-05-31 00:00:00');
  }, 120_000);

  it('speaks Russian with --lang ru', async () => {
    const before = api.requests.length;
    const result = await onTerminal(
      ['--lang', 'ru', '--no-report', '--no-email'],
      ['завтра', 'eXiT'],
      promptRu,
    );
    expect(result.code).toBe(0);
    expect(result.output.split(promptRu)).toHaveLength(3);
    expect(result.output.match(/^Ошибка ввода даты, попробуйте еще раз\.\.\.$/gm)).toHaveLength(1);
    expect(api.requests.length).toBe(before);
  }, 120_000);
});

describe('no date and no terminal', () => {
  it('exits 64 naming --date, without asking or calling the API', async () => {
    const before = api.requests.length;
    const result = await runCliAsync(binPath, ['run', '--no-report', '--no-email'], {
      cwd: dir.path,
      env: env(),
    });
    expect(result.status).toBe(64);
    expect(result.stderr).toContain('--date');
    expect(result.stdout).not.toContain('Enter processing date');
    expect(api.requests.length).toBe(before);
  }, 60_000);
});
