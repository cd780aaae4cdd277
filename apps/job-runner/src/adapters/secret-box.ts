import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { messages } from '../i18n/index.js';

/**
 * Secret parameters travel to remote workers inside the queue's payload, so they are sealed
 * with AES-256-GCM under a key every `serve` and `worker` shares (`JOB_RUNNER_SECRET_KEY`):
 * the database never holds them in clear.
 */
export function sealSecrets(secrets: Readonly<Record<string, string>>, passphrase: string): string {
  const key = createHash('sha256').update(passphrase).digest();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64')).join('.');
}

/** Open what {@link sealSecrets} sealed; a wrong key is an AUTH error. */
export function openSecrets(sealed: string, passphrase: string): Record<string, string> {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64'));
  try {
    const key = createHash('sha256').update(passphrase).digest();
    const decipher = createDecipheriv('aes-256-gcm', key, iv!);
    decipher.setAuthTag(tag!);
    return JSON.parse(
      Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8'),
    ) as Record<string, string>;
  } catch (cause) {
    throw messages.error('AUTH', 'errors.secretKey', {}, { cause });
  }
}
