import { describe, expect, it } from 'vitest';
import { messages } from './i18n/index.js';
import { redactUrl, toDatabaseError } from './database-error.js';

const context = { target: 'postgres://app:***@db:5432/app', secrets: ['hunter2'] };

function sqlError(code: string, message: string) {
  return Object.assign(new Error(message), { code });
}

describe('redactUrl', () => {
  it('hides the password and secret-looking query parameters', () => {
    expect(redactUrl('postgres://app:hunter2@db:5432/app?sslpassword=x&application_name=a')).toBe(
      'postgres://app:***@db:5432/app?sslpassword=***&application_name=a',
    );
    // The one secret-name rule of @toolbelt/log: any case, `-`/`_`, key words.
    expect(redactUrl('postgres://db/app?sslkey=k&Auth_Token=t&client-key=c&sslmode=require')).toBe(
      'postgres://db/app?sslkey=***&Auth_Token=***&client-key=***&sslmode=require',
    );
    expect(redactUrl('postgres://db/app')).toBe('postgres://db/app');
    expect(redactUrl('not a url hunter2')).not.toContain('hunter2');
  });
});

describe('toDatabaseError', () => {
  it('maps by cause: network, credentials, database name, load, other SQL', () => {
    const cases: Array<[unknown, string]> = [
      [
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
        'UNAVAILABLE',
      ],
      [new Error('Connection terminated unexpectedly'), 'UNAVAILABLE'],
      [sqlError('28P01', 'password authentication failed for user "app"'), 'AUTH'],
      [sqlError('28000', 'role "x" does not exist'), 'AUTH'],
      [new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'), 'AUTH'],
      [sqlError('3D000', 'database "nope" does not exist'), 'CONFIG'],
      [sqlError('53300', 'sorry, too many clients already'), 'TEMPFAIL'],
      [sqlError('57P01', 'terminating connection due to administrator command'), 'UNAVAILABLE'],
      [sqlError('23505', 'duplicate key value violates unique constraint "p"'), 'INTERNAL'],
    ];
    for (const [error, code] of cases) {
      const wrapped = toDatabaseError(error, context);
      expect(wrapped.code, String(error)).toBe(code);
      expect(wrapped.cause).toBe(error);
    }
    expect(toDatabaseError(sqlError('23505', 'dup'), context).params).toMatchObject({
      sqlState: '23505',
    });
  });

  it('never repeats the password', () => {
    const wrapped = toDatabaseError(new Error('oops hunter2 leaked'), context);
    expect(wrapped.message).not.toContain('hunter2');
    expect(JSON.stringify(wrapped)).not.toContain('hunter2');
  });

  it('keeps ToolbeltErrors as they are', () => {
    const own = messages.error('DATA', 'errors.copyInvalidDate');
    expect(toDatabaseError(own, context)).toBe(own);
  });

  it('says it in Russian too, with the hint, never the password', () => {
    const refused = toDatabaseError(
      sqlError('28P01', 'password authentication failed for user "app" hunter2'),
      context,
    );
    expect(refused.localized('ru')).toEqual({
      message:
        'База данных postgres://app:***@db:5432/app отклонила учётные данные: password authentication failed for user "app" ***',
      hint: 'Проверьте имя пользователя и пароль в DATABASE_URL',
      problems: [],
    });
    expect(refused.message).toBe(
      'Database postgres://app:***@db:5432/app refused the credentials: password authentication failed for user "app" ***',
    );
  });
});
