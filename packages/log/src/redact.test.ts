import { describe, expect, it } from 'vitest';
import { createRedactor, isSecretKey } from './redact.js';

describe('isSecretKey', () => {
  it('knows secret variable names and leaves paths alone', () => {
    for (const key of [
      'GMAIL_PWD',
      'SMTP_PASSWORD',
      'ITRESUME_CLIENT_KEY',
      'client_key',
      'MASTER_HASH',
      'JOB_RUNNER_TOKEN',
      'SLACK_WEBHOOK_URL',
      'apiKey',
      // What job-runner and db counted as secrets, and the names they missed.
      'client-key',
      'clientKey',
      'CLIENT-KEY',
      'webhook',
      'slack-webhook-url',
      'api_key',
      'API-KEY',
      'private-key',
      'GOOGLE_CREDENTIAL',
      'credentials',
      'access-token',
      'client_secret',
      'sslpassword',
      'sslkey',
      'consumer_key',
      'AWS_SECRET_ACCESS_KEY',
      'signing-key',
    ]) {
      expect(isSecretKey(key), key).toBe(true);
    }
    for (const key of [
      'PWD',
      'OLDPWD',
      'HOME',
      'CREDENTIALS_FILE',
      'GOOGLE_APPLICATION_CREDENTIALS',
      'SSH_KEY_PATH',
      'DATABASE_URL',
      'user',
      // A key of a record (an i18n key, a sort key) is not a secret; `key` alone says nothing.
      'key',
      'sortKey',
      'monkey',
      'school-year',
    ]) {
      expect(isSecretKey(key), key).toBe(false);
    }
  });
});

describe('createRedactor', () => {
  it('hides known values, URL passwords and secret-named keys', () => {
    const r = createRedactor(['abcd1234', 'x']);
    expect(r.text('token abcd1234 and x')).toBe('token *** and x');
    expect(r.text('postgres://ann:pw@db/x')).toBe('postgres://ann:***@db/x');
    expect(r.value({ password: 'p', nested: [{ token: 't', ok: 'abcd1234' }], empty: '' })).toEqual(
      { password: '***', nested: [{ token: '***', ok: '***' }], empty: '' },
    );
  });

  it('keeps booleans under secret names: they say whether there is a secret, not what it is', () => {
    const r = createRedactor();
    expect(
      r.value({ hasCredentials: true, credentials: { token: 'abc' }, noToken: false }),
    ).toEqual({
      hasCredentials: true,
      credentials: '***',
      noToken: false,
    });
  });
});
