import { describe, expect, it } from 'vitest';
import { isToolbeltError } from '@toolbelt/errors';
import { decryptCredentials, encryptCredentials } from './credentials.js';

describe('credentials', () => {
  it('round-trips under the same MASTER_HASH and never contains the clear text', () => {
    const text = encryptCredentials({ token: 'refresh-token-123' }, 'master');
    expect(text).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(text).not.toContain('refresh-token-123');
    expect(decryptCredentials(text, 'master')).toEqual({ token: 'refresh-token-123' });
    // A fresh salt and IV each time.
    expect(encryptCredentials({ token: 'refresh-token-123' }, 'master')).not.toBe(text);
  });

  it('refuses a wrong key or a changed byte with AUTH', () => {
    const text = encryptCredentials({ a: 'b' }, 'master');
    const wrong = (() => {
      try {
        return decryptCredentials(text, 'other');
      } catch (error) {
        return error;
      }
    })();
    expect(isToolbeltError(wrong) && wrong.code).toBe('AUTH');
    const parts = text.split('.');
    const body = Buffer.from(parts[4] as string, 'base64url');
    body[0] = (body[0] as number) ^ 1;
    parts[4] = body.toString('base64url');
    expect(() => decryptCredentials(parts.join('.'), 'master')).toThrow(/Unable to decrypt/);
    expect(() => decryptCredentials('garbage', 'master')).toThrow(/Unable to decrypt/);
  });
});
