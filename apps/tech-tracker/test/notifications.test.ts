import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startSlackReceiver, type SlackTestReceiver } from '@toolbelt/testkit/slack';
import { startSmtpServer, type SmtpTestServer } from '@toolbelt/testkit/smtp';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { appBin } from '@toolbelt/testkit/cli-mistakes';
import { runCliAsync } from '@toolbelt/testkit/run-cli';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeExamples } from '../../../examples/tech-tracker/make.mjs';
import { readXlsxTab, SAMPLE_SYNC } from './workbooks.js';
import { parseSyncReport } from './json.js';

const bin = appBin(import.meta.url);

const SYNC = SAMPLE_SYNC;

describe('tech-tracker notifications', () => {
  let smtp: SmtpTestServer;
  let slack: SlackTestReceiver;
  let dir: TempDir;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    slack = await startSlackReceiver();
  });
  afterAll(async () => {
    await smtp.stop();
    await slack.stop();
  });
  beforeEach(async () => {
    smtp.reset();
    slack.reset();
    dir = makeTempDir('tech-tracker-notify');
    await makeExamples(dir.path);
  });
  afterEach(() => dir.cleanup());

  const env = (): Record<string, string> => ({
    SMTP_URL: smtp.url,
    NOTIF_TO_ADDRESS: 'tech@example.org, it-lead@example.org',
    SLACK_WEBHOOK_URL: slack.url,
    MAIL_FROM: 'tracker@example.org',
  });

  it('mails and posts the success subject, the log and the change summary', async () => {
    const run = await runCliAsync(bin, SYNC, { cwd: dir.path, env: env() });
    expect(run.status, run.stderr).toBe(0);
    const [mail] = await smtp.waitFor(1, 10_000);
    expect(mail?.subject).toBe('Tech On-boarding Tracker - 23-24 - Success');
    expect(mail?.envelope.to.sort()).toEqual(['it-lead@example.org', 'tech@example.org']);
    expect(mail?.text).toContain('succeeded');
    expect(mail?.text).toContain('Tracker tab backed up to');
    expect(mail?.text).toContain('New hires (7):');
    expect(mail?.text).toContain('Start Date / Pay Location changes (6):');
    expect(mail?.text).toContain('Rescinded (6):');
    expect(JSON.stringify(slack.messages[0])).toContain(
      'Tech On-boarding Tracker - 23-24 - Success',
    );
  });

  it('sends the error subject when the sync fails, and keeps the exit code of the failure', async () => {
    const run = await runCliAsync(
      bin,
      ['sync', '--school-year', '25-26', '--mot', 'mot.xlsx', '--tracker', 'tech-tracker.xlsx'],
      { cwd: dir.path, env: env() },
    );
    expect(run.status).toBe(65);
    const [mail] = await smtp.waitFor(1, 10_000);
    expect(mail?.subject).toBe('Tech On-boarding Tracker - 25-26 - Error');
    expect(mail?.text).toContain('encountered an error');
    expect(mail?.text).toContain('Master_25-26');
  });

  it('a failed notification does not undo the sync and makes the exit code 1', async () => {
    slack.failNext(404, 1);
    const run = await runCliAsync(bin, [...SYNC, '--json'], { cwd: dir.path, env: env() });
    expect(run.status).toBe(1);
    const result = parseSyncReport(run.stdout);
    expect(result.wrote).toBe('rows');
    expect(result.notifications).toEqual([
      expect.objectContaining({ channel: 'email', ok: true }),
      expect.objectContaining({ channel: 'slack', ok: false }),
    ]);
    expect(run.stdout).not.toContain(slack.url);
    const rows = (await readXlsxTab(join(dir.path, 'tech-tracker.xlsx'), '23-24 Tracker')).slice(4);
    expect(rows.filter((r) => r[15] === '2023-07-15')).toHaveLength(7);
    expect(await readFile(join(dir.path, 'tech-tracker.xlsx'))).toBeTruthy();
  });
});
