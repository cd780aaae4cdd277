import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '@toolbelt/testkit';
import { startLearningApi, type LearningApiStandIn } from '@toolbelt/testkit/learning-api';
import { testDatabaseUrl } from '@toolbelt/testkit/postgres';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { binPath, jsonOf } from './cli.js';

/**
 * One error of each package learning-etl raises through, told in Russian by the real CLI with
 * --lang ru: the errors carry their texts, nothing is registered. (db's lost connection in the
 * middle of a load is in postgres-lost.test.ts; notify's settings problems in
 * usage-mistakes.test.ts. etl gives learning-etl only its retry helper, which raises nothing of
 * its own: the API's errors are learning-etl's.)
 */
const example = new URL(
  '../../../examples/learning-etl/api-response-2023-05-31.json',
  import.meta.url,
).pathname;

let api: LearningApiStandIn;
let dir: TempDir;
let databaseUrl: string;
beforeAll(async () => {
  api = await startLearningApi({ recordsPerDay: 20 });
  databaseUrl = await testDatabaseUrl();
  dir = makeTempDir('learning-etl-errors-ru');
}, 120_000);
afterAll(async () => {
  await api?.stop();
  await dir?.cleanup();
});

const run = (args: string[], env: Record<string, string>) =>
  runCliAsync(binPath, ['run', '--lang', 'ru', '--date', '2023-05-31', ...args], {
    cwd: dir.path,
    env,
  });

describe('errors in Russian through the CLI', () => {
  it('learning-etl: the statistics API stays down (69)', async () => {
    api.failNext(2, 503);
    const result = await run(['--no-report', '--no-email'], {
      ITRESUME_API_URL: api.url,
      ITRESUME_CLIENT: 'test-client',
      ITRESUME_CLIENT_KEY: 'test-key',
      ITRESUME_RETRIES: '1',
      ITRESUME_RETRY_DELAY_MS: '1',
    });
    expect(result.status).toBe(69);
    expect(result.stderr).toContain(
      `Ошибка: API статистики недоступен по адресу ${api.url.replace(/\/$/, '')}`,
    );
    expect(result.stderr).toContain('В базу данных ничего не записано.');
  });

  it('db: an unreachable PostgreSQL server (69), also as the --json message', async () => {
    const env = { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' };
    const args = ['--source-file', example, '--no-report', '--no-email'];
    const human = await run(args, env);
    expect(human.status).toBe(69);
    expect(human.stderr).toMatch(/Ошибка: База данных \S+ недоступна/);
    expect(human.stderr).toContain('Проверьте, что сервер запущен');
    const json = await run([...args, '--json'], env);
    expect(json.status).toBe(69);
    const { error } = jsonOf<{ error: { code: string; message: string } }>(json);
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toMatch(/^База данных \S+ недоступна/);
  }, 60_000);

  it('google: a Google report without credentials is told in the log line (exit 1)', async () => {
    const result = await run(['--source-file', example, '--report', 'SheetId1234567890'], {
      DATABASE_URL: databaseUrl,
    });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('не удалось обновить отчёт: Нет учётных данных Google:');
  }, 120_000);

  it('notify: a mail server that is not there is told in the log line (exit 1)', async () => {
    const result = await run(['--source-file', example, '--no-report'], {
      MAIL_TO: 'ann@example.org',
      SMTP_URL: 'smtp://127.0.0.1:1',
      MAIL_FROM: 'etl@example.org',
      DATABASE_URL: databaseUrl,
    });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain(
      'не удалось отправить уведомление ann@example.org: Не удаётся подключиться к почтовому серверу',
    );
  }, 120_000);
});
