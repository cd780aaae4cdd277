import { describe, expect, it } from 'vitest';
import { redactPassword, toSmtpError, type SmtpErrorContext } from './smtp-error.js';

const ctx: SmtpErrorContext = {
  target: 'smtp://mail.example.org:587',
  user: 'robot',
  password: 'pa55word',
  from: 'robot@example.org',
  recipients: ['a@example.org'],
};
const nodemailerError = (fields: Record<string, unknown>) =>
  Object.assign(new Error(typeof fields.message === 'string' ? fields.message : 'x'), fields);

describe('toSmtpError', () => {
  it.each([
    [
      {
        code: 'EAUTH',
        responseCode: 535,
        command: 'AUTH PLAIN',
        response: '535 5.7.8 bad credentials',
      },
      'AUTH',
    ],
    [
      {
        code: 'EENVELOPE',
        responseCode: 530,
        command: 'MAIL FROM',
        response: '530 authentication required',
      },
      'AUTH',
    ],
    [
      {
        code: 'ESOCKET',
        originalCode: 'ECONNREFUSED',
        message: 'connect ECONNREFUSED 127.0.0.1:25',
      },
      'UNAVAILABLE',
    ],
    [{ code: 'ETIMEDOUT', message: 'Greeting never received' }, 'UNAVAILABLE'],
    [{ code: 'EDNS', message: 'getaddrinfo ENOTFOUND' }, 'UNAVAILABLE'],
    [
      { code: 'EENVELOPE', responseCode: 451, command: 'RCPT TO', response: '451 try later' },
      'TEMPFAIL',
    ],
    [{ code: 'EMESSAGE', responseCode: 421, command: 'DATA', response: '421 busy' }, 'TEMPFAIL'],
    [
      { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', response: '550 no such user' },
      'DATA',
    ],
    [
      {
        code: 'EENVELOPE',
        responseCode: 553,
        command: 'MAIL FROM',
        response: '553 not your address',
      },
      'CONFIG',
    ],
    [{ code: 'EMESSAGE', responseCode: 554, command: 'DATA', response: '554 spam' }, 'UNAVAILABLE'],
    [{ code: 'EPROTOCOL', message: 'Invalid greeting' }, 'UNAVAILABLE'],
  ])('maps %o to %s', (fields, code) => {
    expect(toSmtpError(nodemailerError(fields), ctx).code).toBe(code);
  });

  it('treats anything that is not a mail error as INTERNAL', () => {
    expect(toSmtpError(new TypeError('boom'), ctx).code).toBe('INTERNAL');
    expect(toSmtpError('weird', ctx).code).toBe('INTERNAL');
  });

  it('keeps the password out of message, params and cause', () => {
    const b64 = Buffer.from('\u0000robot\u0000pa55word').toString('base64');
    const err = toSmtpError(
      nodemailerError({
        code: 'EAUTH',
        responseCode: 535,
        response: `535 rejected pa55word ${b64}`,
      }),
      ctx,
    );
    const shown =
      err.message + JSON.stringify(err.params) + String(err.cause) + JSON.stringify(err);
    expect(shown).not.toContain('pa55word');
    expect(shown).not.toContain(b64);
    expect(err.message).toContain('535 rejected ***');
    expect(redactPassword('x', 'u', undefined)).toBe('x');
  });
});
