import type { ToolbeltError } from '@toolbelt/errors';
import { describe, expect, it } from 'vitest';
import { recipientsFromEnv } from '../recipients.js';
import { toSmtpError } from '../smtp-error.js';
import { messages } from './index.js';

describe('notify messages', () => {
  it('has every key in en and ru', () => {
    expect(messages.problems()).toEqual([]);
  });

  it('makes errors that render in Russian with no registration', () => {
    const error = toSmtpError(
      { code: 'EAUTH', responseCode: 535, response: '535 bad credentials' },
      {
        target: 'smtp://mail.example.org:465',
        user: 'ann',
        password: 'pw',
        from: 'ann@example.org',
        recipients: [],
      },
    );
    expect(error.key).toBe('notify:errors.smtp.auth');
    expect(error.message).toBe(
      'The mail server smtp://mail.example.org:465 refused the login of ann: 535 bad credentials',
    );
    expect(error.localized('ru')).toMatchObject({
      message:
        'Почтовый сервер smtp://mail.example.org:465 отклонил вход пользователя ann: 535 bad credentials',
      hint: 'Проверьте SMTP_USER/SMTP_PASSWORD (для Gmail: GMAIL_USER и пароль приложения в GMAIL_PWD).',
    });
  });

  it('lists setting problems in Russian, with the hint', () => {
    const error = (() => {
      try {
        recipientsFromEnv({ MAIL_TO: 'ann@example.org, nobody' });
      } catch (e) {
        return e as ToolbeltError;
      }
      throw new Error('expected a CONFIG error');
    })();
    expect(error.code).toBe('CONFIG');
    expect(error.localized('ru')).toMatchObject({
      problems: ['MAIL_TO: «nobody» не является адресом электронной почты'],
      hint: 'Разделяйте адреса запятыми или точками с запятой, например MAIL_TO=ann@example.org,bob@example.org',
    });
  });
});
