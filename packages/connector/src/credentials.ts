import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import type { ToolbeltError } from '@toolbelt/errors';
import { messages } from './i18n/index.js';

/** Credentials of one connector: key -> secret value. */
export type Credentials = Record<string, string>;

const VERSION = 'v1';
// scrypt cost: about 50 ms per job start here, far too slow for guessing a weak MASTER_HASH.
const SCRYPT = { N: 2 ** 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

function keyFrom(masterHash: string, salt: Buffer): Buffer {
  if (!masterHash) throw messages.error('CONFIG', 'errors.envMissing', { name: 'MASTER_HASH' });
  return scryptSync(masterHash, salt, 32, SCRYPT);
}

/**
 * Encrypts credentials with AES-256-GCM under a key derived from `MASTER_HASH` (scrypt, a
 * random salt per value). Output: `v1.<salt>.<iv>.<tag>.<ciphertext>` in base64url.
 */
export function encryptCredentials(credentials: Credentials, masterHash: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(masterHash, salt), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
  return [VERSION, salt, iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Decrypts `encryptCredentials` output; a wrong key or a changed byte is an AUTH error. */
export function decryptCredentials(text: string, masterHash: string): Credentials {
  const parts = text.split('.');
  const fail = (cause?: unknown): ToolbeltError =>
    messages.error('AUTH', 'errors.credentialsUnreadable', {}, { cause });
  if (parts.length !== 5 || parts[0] !== VERSION) throw fail();
  const [salt, iv, tag, body] = parts.slice(1).map((p) => Buffer.from(p, 'base64url')) as [
    Buffer,
    Buffer,
    Buffer,
    Buffer,
  ];
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(masterHash, salt), iv);
    decipher.setAuthTag(tag);
    const plain = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    const value = JSON.parse(plain) as unknown;
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      throw new Error('not an object');
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
  } catch (error) {
    throw fail(error);
  }
}
