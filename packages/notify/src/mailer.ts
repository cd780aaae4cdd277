import type { ToolbeltError } from '@toolbelt/errors';

export interface MailMessage {
  /** Sender; defaults to the mailer's configured `from`. */
  from?: string;
  /** Any number of recipients; the mailer splits them into messages of at most 100. */
  to: readonly string[];
  subject: string;
  text: string;
  html?: string;
}

/** Outcome of one message (one slice of at most 100 recipients). Failures are data, not throws. */
export type SendResult =
  | {
      ok: true;
      recipients: string[];
      messageId: string;
      /** Outbox adapter: the path of the `.eml` file written. */
      location?: string;
    }
  | { ok: false; recipients: string[]; error: ToolbeltError };

/** The `Mailer` port: SMTP (nodemailer) or the outbox folder of `.eml` files. */
export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  /** Human description without secrets, e.g. `smtp://smtp.gmail.com:465` or `.outbox/`. */
  readonly target: string;
  send(message: MailMessage): Promise<SendResult[]>;
  close(): Promise<void>;
}
