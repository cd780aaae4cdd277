import { describe, expect, it } from 'vitest';
import { mailerFromEnv, mailSettingsFromEnv } from './mailer-from-env.js';

describe('mailSettingsFromEnv', () => {
  it('selects SMTP from SMTP_HOST with port, secure, user and password', () => {
    const { settings, problems } = mailSettingsFromEnv({
      SMTP_HOST: 'mail.example.org',
      SMTP_PORT: '2525',
      SMTP_SECURE: 'false',
      SMTP_USER: 'robot',
      SMTP_PASSWORD: 'pw-1234',
      MAIL_FROM: 'robot@example.org',
    });
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      kind: 'smtp',
      selectedBy: 'SMTP_HOST',
      smtp: {
        host: 'mail.example.org',
        port: 2525,
        secure: false,
        user: 'robot',
        password: 'pw-1234',
        from: 'robot@example.org',
      },
    });
    expect(mailerFromEnv({ SMTP_HOST: 'mail.example.org' }).target).toBe(
      'smtp://mail.example.org:587',
    );
    expect(mailerFromEnv({ SMTP_HOST: 'mail.example.org', SMTP_PORT: '465' }).target).toBe(
      'smtps://mail.example.org:465',
    );
  });

  it('prefers SMTP_URL, then SMTP_HOST, then Gmail, else the outbox', () => {
    expect(
      mailerFromEnv({
        SMTP_URL: 'smtps://u:p@smtp.example.org',
        SMTP_HOST: 'other',
        GMAIL_USER: 'a@gmail.com',
        GMAIL_PWD: 'x',
      }).target,
    ).toBe('smtps://smtp.example.org:465');
    expect(
      mailSettingsFromEnv({ SMTP_HOST: 'h.example.org', GMAIL_USER: 'a@gmail.com', GMAIL_PWD: 'x' })
        .settings?.kind,
    ).toBe('smtp');
    expect(
      mailSettingsFromEnv({ GMAIL_USER: 'hr@gmail.com', GMAIL_PWD: 'abcd efgh ijkl mnop' })
        .settings,
    ).toEqual({
      kind: 'smtp',
      selectedBy: 'GMAIL_USER',
      smtp: {
        host: 'smtp.gmail.com',
        port: 465,
        secure: true,
        user: 'hr@gmail.com',
        password: 'abcdefghijklmnop',
        from: 'hr@gmail.com',
      },
    });
    expect(mailSettingsFromEnv({ OUTBOX_DIR: 'mail-out' }).settings).toEqual({
      kind: 'outbox',
      outbox: { dir: 'mail-out' },
    });
    expect(mailSettingsFromEnv({}, { defaultOutboxDir: 'x' }).settings).toEqual({
      kind: 'outbox',
      outbox: { dir: 'x' },
    });
  });

  it('lists every problem at once and never the password', () => {
    const { settings, problems } = mailSettingsFromEnv({
      SMTP_URL: 'not a url with hunter22',
      SMTP_PORT: 'abc',
      SMTP_SECURE: 'maybe',
      SMTP_PASSWORD: 'hunter22',
      MAIL_FROM: 'robot',
    });
    expect(settings).toBeUndefined();
    expect(problems).toEqual([
      'SMTP_PORT: must be a port number from 1 to 65535, got "abc"',
      'SMTP_SECURE: must be true or false, got "maybe"',
      'MAIL_FROM: "robot" is not an e-mail address',
      'SMTP_URL: not a URL; expected smtp://user:password@host:port or smtps://...',
      'SMTP_USER: required when a password is given',
    ]);
    expect(problems.join('\n')).not.toContain('hunter22');
    expect(() => mailerFromEnv({ SMTP_HOST: 'h.example.org', SMTP_USER: 'u' })).toThrow(
      expect.objectContaining({
        code: 'CONFIG',
        exitCode: 78,
        problems: ['SMTP_PASSWORD: required when a user is given'],
      }),
    );
    expect(mailSettingsFromEnv({ SMTP_URL: 'http://h.example.org' }).problems).toEqual([
      'SMTP_URL: the scheme must be smtp:// or smtps://, not http://',
    ]);
    expect(mailSettingsFromEnv({ GMAIL_PWD: 'x' }).problems).toEqual([
      'GMAIL_USER: required when GMAIL_PWD is set',
    ]);
  });
});
