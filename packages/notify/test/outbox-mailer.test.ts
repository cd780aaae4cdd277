import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseMail } from '@toolbelt/testkit/smtp';
import { makeTempDir } from '@toolbelt/testkit/temp-dir';
import { describe, expect, it } from 'vitest';
import { createOutboxMailer, mailerFromEnv } from '../src/index.js';
import { describeMailerContract } from './mailer-contract.js';

async function emlFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => f.endsWith('.eml')).sort();
  } catch {
    return [];
  }
}

describeMailerContract('outbox folder of .eml files', () => {
  const temp = makeTempDir('notify-outbox');
  const dir = join(temp.path, 'nested', '.outbox');
  return Promise.resolve({
    mailer: createOutboxMailer({ dir }),
    async delivered(count) {
      const files = (await emlFiles(dir)).slice(0, count);
      return Promise.all(
        files.map(async (f) => {
          const mail = await parseMail(await readFile(join(dir, f)));
          const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
          return { mail, recipients: to.flatMap((a) => a.value.map((v) => v.address ?? '')) };
        }),
      );
    },
    deliveredCount: async () => (await emlFiles(dir)).length,
    cleanup: () => temp.cleanup(),
  });
});

describe('createOutboxMailer', () => {
  it('names files by time so they sort in sending order, writes them whole, and reports their path', async () => {
    const temp = makeTempDir('notify-outbox');
    try {
      const times = [
        new Date('2024-10-02T09:16:11.313Z'),
        new Date('2024-10-02T09:16:11.313Z'),
        new Date('2024-10-03T00:00:00.000Z'),
      ];
      let i = 0;
      const mailer = createOutboxMailer({
        dir: temp.path,
        now: () => times[Math.min(i++, times.length - 1)] as Date,
      });
      expect(mailer.kind).toBe('outbox');
      expect(mailer.target).toBe(`${temp.path}/`);
      const locations: string[] = [];
      for (const subject of ['первое', 'второе', 'третье']) {
        const [result] = await mailer.send({ to: ['ann@example.org'], subject, text: subject });
        if (!result?.ok || !result.location) throw new Error('expected a written file');
        locations.push(result.location);
      }
      const files = await readdir(temp.path);
      expect(files.sort()).toEqual(locations.map((l) => l.slice(temp.path.length + 1)));
      expect(files.every((f) => /^\d{8}T\d{9}Z-\d{6}-[0-9a-f]{8}\.eml$/.test(f))).toBe(true);
      expect(files[0]?.startsWith('20241002T091611313Z-000001-')).toBe(true);
      const subjects = await Promise.all(
        files
          .sort()
          .map(async (f) => (await parseMail(await readFile(join(temp.path, f)))).subject),
      );
      expect(subjects).toEqual(['первое', 'второе', 'третье']);
      const first = await parseMail(await readFile(join(temp.path, files[0] ?? '')));
      expect(first.date?.toISOString()).toBe('2024-10-02T09:16:11.000Z');
      expect(first.from?.value[0]?.address).toBe('toolbelt@localhost');
      // No temp files left behind by the atomic write.
      expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
    } finally {
      await temp.cleanup();
    }
  });

  it('returns CONFIG when the folder cannot be created, and loses no recipient', async () => {
    const temp = makeTempDir('notify-outbox');
    try {
      // A file where the folder should be: fails for root too (chmod does not stop root).
      const blocker = join(temp.path, 'blocker');
      await writeFile(blocker, 'x');
      const mailer = createOutboxMailer({ dir: join(blocker, 'outbox') });
      const results = await mailer.send({
        to: Array.from({ length: 120 }, (_, n) => `p${n}@example.org`),
        subject: 's',
        text: 't',
      });
      expect(results.map((r) => [r.ok, r.recipients.length])).toEqual([
        [false, 100],
        [false, 20],
      ]);
      const [first] = results;
      if (!first || first.ok) throw new Error('expected a failed result');
      expect(first.error.code).toBe('CONFIG');
      expect(first.error.key).toBe('notify:errors.outbox.notWritable');
      expect(first.error.hint).toContain('OUTBOX_DIR');
    } finally {
      await temp.cleanup();
    }
  });

  it('throws CONFIG for an impossible slice size', () => {
    expect(() => createOutboxMailer({ maxRecipientsPerMessage: 101 })).toThrow(
      expect.objectContaining({ code: 'CONFIG' }),
    );
  });

  it('is what mailerFromEnv builds without SMTP settings, in OUTBOX_DIR or the default folder', async () => {
    const temp = makeTempDir('notify-outbox');
    try {
      const dir = join(temp.path, 'mail');
      const mailer = mailerFromEnv({
        OUTBOX_DIR: dir,
        MAIL_FROM: 'etl@example.org',
        SMTP_HOST: '',
      });
      expect(mailer.kind).toBe('outbox');
      const [result] = await mailer.send({ to: ['ann@example.org'], subject: 'x', text: 'y' });
      expect(result?.ok).toBe(true);
      const [file] = await emlFiles(dir);
      const mail = await parseMail(await readFile(join(dir, file ?? '')));
      expect(mail.from?.value[0]?.address).toBe('etl@example.org');
      expect(mailerFromEnv({}, { defaultOutboxDir: join(temp.path, 'reports-mail') }).target).toBe(
        `${join(temp.path, 'reports-mail')}/`,
      );
      expect(mailerFromEnv({}).target).toBe('.outbox/');
    } finally {
      await temp.cleanup();
    }
  });
});
