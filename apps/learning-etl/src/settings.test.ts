import { describe, expect, it } from 'vitest';
import { DEFAULT_API_URL, DEFAULT_REPORT } from './settings.js';
import { readSettings } from './read-settings.js';

const flags = { date: '2023-05-31' };
const env = { ITRESUME_CLIENT: 'acme', ITRESUME_CLIENT_KEY: 'k' };

describe('readSettings', () => {
  it('gives the defaults of the original tool', () => {
    const { settings, problems } = readSettings(flags, env);
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      days: ['2023-05-31'],
      testMode: false,
      reset: false,
      dryRun: false,
      apiUrl: DEFAULT_API_URL,
      client: 'acme',
      clientKey: 'k',
      retries: 4,
      retryDelayMs: 1000,
      timeoutMs: 30_000,
      databaseUrl: undefined,
      dataDir: '.data/learning-etl',
      report: DEFAULT_REPORT,
      email: true,
      wait: true,
    });
  });

  it('reads the original names, flags over env, --no-report and the backfill days', () => {
    const { settings } = readSettings(
      { from: '2023-05-30', to: '2023-06-01', report: 'r.xlsx', 'no-email': true },
      { client: ' old ', client_key: 'key', REPORT_SPREADSHEET_ID: 'sheet', ITRESUME_RETRIES: '0' },
    );
    expect(settings).toMatchObject({
      days: ['2023-05-30', '2023-05-31', '2023-06-01'],
      client: 'old',
      clientKey: 'key',
      report: 'r.xlsx',
      email: false,
      retries: 0,
    });
    expect(readSettings({ ...flags, 'no-report': true }, env).settings?.report).toBeNull();
    expect(readSettings({}, env).settings?.days).toBeUndefined();
  });

  it('lists every problem at once, in English and Russian, the notify ones last', () => {
    const notify = { en: 'MAIL_TO: x', ru: 'MAIL_TO: х' };
    const { settings, problems } = readSettings(
      flags,
      { ITRESUME_TIMEOUT_MS: '0', ITRESUME_API_URL: 'not a url' },
      [notify],
    );
    expect(settings).toBeUndefined();
    expect(problems.map((p) => p.en)).toEqual([
      'ITRESUME_TIMEOUT_MS: must be an integer >= 1, got "0"',
      'ITRESUME_API_URL: not a URL: "not a url"',
      'ITRESUME_CLIENT (or client): required to call the statistics API (or pass --source-file)',
      'ITRESUME_CLIENT_KEY (or client_key): required to call the statistics API (or pass --source-file)',
      'MAIL_TO: x',
    ]);
    expect(problems[0]?.ru).toBe(
      'ITRESUME_TIMEOUT_MS: должно быть целым числом >= 1, получено «0»',
    );
  });

  it('needs no API credentials for a saved response', () => {
    const { settings, problems } = readSettings({ ...flags, 'source-file': 'day.json' }, {});
    expect(problems).toEqual([]);
    expect(settings?.sourceFile).toBe('day.json');
  });
});
