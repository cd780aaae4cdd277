import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { configError, type ToolbeltError } from '@toolbelt/errors';
import { messages } from './i18n/index.js';
import { problemTexts, settingProblem } from './setting-problem.js';
import type { MailMessage, Mailer, SendResult } from './mailer.js';
import {
  invalidRecipientsResults,
  MAX_RECIPIENTS_PER_MESSAGE,
  planDelivery,
} from './recipients.js';
import { DEFAULT_FROM } from './smtp-options.js';

/** Default outbox folder, relative to the working directory. */
export const DEFAULT_OUTBOX_DIR = '.outbox';

/** Options of the outbox adapter (the embedded default: no mail server needed). */
export interface OutboxMailerOptions {
  /** Folder the `.eml` files go to, created when missing. Default `.outbox`. */
  dir?: string;
  /** Sender for messages without their own `from`. Default `toolbelt@localhost`. */
  from?: string;
  /** Clock for the Date header and the file names (tests pass a fixed one). Default: now. */
  now?: () => Date;
  /** Recipients per message. Default and maximum 100, as for SMTP. */
  maxRecipientsPerMessage?: number;
}

/** `20241002T091611123Z`: sorts by time as text, valid on every file system. */
function timeStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('.', '');
}

/** Write errors that the user fixes by choosing another folder or fixing its rights. */
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'EISDIR']);

function outboxError(err: unknown, dir: string): ToolbeltError {
  const code = (err as { code?: unknown }).code;
  const reason = err instanceof Error ? err.message : String(err);
  if (typeof code === 'string' && NOT_WRITABLE.has(code))
    return messages.error(
      'CONFIG',
      'errors.outbox.notWritable',
      { dir, reason },
      { cause: err, hint: messages.text('hints.outboxDir') },
    );
  return messages.error('UNAVAILABLE', 'errors.outbox.failed', { dir, reason }, { cause: err });
}

/**
 * The `Mailer` that writes each message as an RFC 5322 `.eml` file into a folder (nodemailer's
 * MailComposer builds real MIME, so any mail client opens them). File names sort by time
 * and are unique; each file appears whole or not at all (temp file + rename).
 */
export function createOutboxMailer(options: OutboxMailerOptions = {}): Mailer {
  const dir = resolve(options.dir ?? DEFAULT_OUTBOX_DIR);
  const shownDir = options.dir ?? DEFAULT_OUTBOX_DIR;
  const now = options.now ?? (() => new Date());
  const max = options.maxRecipientsPerMessage ?? MAX_RECIPIENTS_PER_MESSAGE;
  if (!Number.isInteger(max) || max < 1 || max > MAX_RECIPIENTS_PER_MESSAGE) {
    throw configError([
      problemTexts(
        settingProblem('outbox maxRecipientsPerMessage', 'wholeNumberRange', {
          min: 1,
          max: MAX_RECIPIENTS_PER_MESSAGE,
        }),
      ),
    ]);
  }
  // Orders files written in the same millisecond by this mailer; the random part keeps
  // names unique across processes writing to the same folder.
  let sequence = 0;

  const writeSlice = async (message: MailMessage, slice: string[]): Promise<SendResult> => {
    try {
      const { default: MailComposer } = await import('nodemailer/lib/mail-composer');
      const date = now();
      const node = new MailComposer({
        from: message.from ?? options.from ?? DEFAULT_FROM,
        to: slice,
        subject: message.subject,
        text: message.text,
        html: message.html,
        date,
        disableFileAccess: true,
        disableUrlAccess: true,
      }).compile();
      const messageId = node.messageId();
      const source = await node.build();
      await mkdir(dir, { recursive: true });
      sequence += 1;
      const name = `${timeStamp(date)}-${String(sequence).padStart(6, '0')}-${randomBytes(4).toString('hex')}.eml`;
      const path = join(dir, name);
      const temp = join(dir, `.${name}.tmp`);
      try {
        await writeFile(temp, source, { flag: 'wx' });
        await rename(temp, path);
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
      return { ok: true, recipients: slice, messageId, location: path };
    } catch (err) {
      return { ok: false, recipients: slice, error: outboxError(err, shownDir) };
    }
  };

  return {
    kind: 'outbox',
    target: `${shownDir.replace(/\/+$/, '')}/`,
    async send(message) {
      const plan = planDelivery(message.to, max);
      const results = invalidRecipientsResults(plan.invalid);
      for (const slice of plan.slices) results.push(await writeSlice(message, slice));
      return results;
    },
    async close() {
      // Nothing is held open between messages.
    },
  };
}
