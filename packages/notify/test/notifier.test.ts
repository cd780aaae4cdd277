import { startSlackReceiver, type SlackTestReceiver } from '@toolbelt/testkit/slack';
import { startSmtpServer, type SmtpTestServer } from '@toolbelt/testkit/smtp';
import { makeTempDir } from '@toolbelt/testkit/temp-dir';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ToolbeltError } from '@toolbelt/errors';
import { createNotifier, notifierProblems } from '../src/index.js';

let smtp: SmtpTestServer | undefined;
let slack: SlackTestReceiver | undefined;
afterEach(async () => {
  await smtp?.stop();
  await slack?.stop();
  smtp = undefined;
  slack = undefined;
});

const noWait = { sleep: () => Promise.resolve() };

describe('createNotifier', () => {
  it(
    'sends by e-mail (real SMTP) and Slack, e-mail first, one outcome per channel',
    { timeout: 60_000 },
    async () => {
      smtp = await startSmtpServer();
      slack = await startSlackReceiver();
      const notifier = createNotifier({
        SMTP_URL: `smtp://${smtp.host}:${smtp.port}`,
        MAIL_FROM: 'robot@example.org',
        NOTIF_TO_ADDRESS: 'ann@example.org; bob@example.org',
        MAIL_TO: 'ann@example.org',
        SLACK_WEBHOOK_URL: slack.url,
      });
      expect(notifier.configured).toBe(true);
      expect(notifier.recipients).toEqual(['ann@example.org', 'bob@example.org']);
      expect(notifier.channels.map((c) => c.channel)).toEqual(['email', 'slack']);
      const outcomes = await notifier.send({
        subject: 'Tracker 24-25',
        text: '3 новых сотрудника',
      });
      expect(outcomes).toEqual([
        {
          channel: 'email',
          target: `smtp://${smtp.host}:${smtp.port}`,
          ok: true,
          to: ['ann@example.org', 'bob@example.org'],
          location: undefined,
        },
        {
          channel: 'slack',
          target: expect.stringMatching(/\/services\/\*\*\*$/) as string,
          ok: true,
        },
      ]);
      const [mail] = await smtp.waitFor(1);
      expect(mail?.subject).toBe('Tracker 24-25');
      expect(mail?.text?.trim()).toBe('3 новых сотрудника');
      expect(slack.messages).toEqual([{ text: '*Tracker 24-25*\n3 новых сотрудника' }]);
    },
  );

  it('uses only the channels and recipient variables a tool names', async () => {
    const temp = makeTempDir('notifier-outbox');
    const outbox = join(temp.path, 'out');
    const env = {
      MAIL_TO: 'ann@example.org',
      NOTIF_TO_ADDRESS: 'bob@example.org',
      OUTBOX_DIR: outbox,
      SLACK_WEBHOOK_URL: 'not a url',
    };
    // learning-etl mails only, to MAIL_TO: the broken Slack setting is not its business.
    const notifier = createNotifier(env, { channels: ['email'], recipientVariables: ['MAIL_TO'] });
    expect(notifier.recipients).toEqual(['ann@example.org']);
    const [outcome] = await notifier.send({ subject: 'Day 2024-10-02', text: 'done' });
    expect(outcome).toMatchObject({ channel: 'email', ok: true, to: ['ann@example.org'] });
    expect(outcome?.location).toMatch(/\.eml$/);
    expect((await readdir(outbox)).filter((f) => f.endsWith('.eml'))).toHaveLength(1);
    await temp.cleanup();

    const none = createNotifier({}, { channels: ['email'] });
    expect(none.configured).toBe(false);
    expect(await none.send({ subject: 's', text: 't' })).toEqual([]);
  });

  it('returns delivery failures as outcomes, never throws', { timeout: 60_000 }, async () => {
    slack = await startSlackReceiver();
    slack.failNext(404, 1);
    const notifier = createNotifier({ SLACK_WEBHOOK_URL: slack.url }, { slack: noWait });
    const [outcome] = await notifier.send({ subject: 's', text: 't' });
    expect(outcome?.ok).toBe(false);
    expect(outcome?.error?.code).toBe('CONFIG');
    expect(outcome?.error?.key).toBe('notify:errors.slack.gone');
  });

  it('lists every setting problem at once, in both languages, and throws them as one CONFIG', () => {
    const env = {
      MAIL_TO: 'nobody',
      SMTP_URL: 'http://mail.example.org',
      SLACK_WEBHOOK_URL: 'not a url',
    };
    expect(notifierProblems(env).map((p) => p.ru)).toEqual([
      'MAIL_TO: «nobody» не является адресом электронной почты',
      'SMTP_URL: схема должна быть smtp:// или smtps://, а не http://',
      'SLACK_WEBHOOK_URL: не URL; ожидается https://hooks.slack.com/services/...',
    ]);
    expect(notifierProblems(env, { channels: ['slack'] }).map((p) => p.en)).toEqual([
      'SLACK_WEBHOOK_URL: not a URL; expected https://hooks.slack.com/services/...',
    ]);
    let error: ToolbeltError | undefined;
    try {
      createNotifier(env);
    } catch (e) {
      error = e as ToolbeltError;
    }
    expect(error?.code).toBe('CONFIG');
    expect(error?.localized('ru').problems).toHaveLength(3);
  });
});
