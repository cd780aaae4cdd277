import addressparser from 'nodemailer/lib/addressparser';
import type { ToolbeltError } from '@toolbelt/errors';
import type { Env } from './env.js';
import type { SendResult } from './mailer.js';
import { messages } from './i18n/index.js';
import { notifySettingsError, settingProblem, type SettingProblem } from './setting-problem.js';

/** Most recipients one message may carry; larger lists are split (many servers cap at 100). */
export const MAX_RECIPIENTS_PER_MESSAGE = 100;

/** Env variables read by `recipientsFromEnv` by default: learning-etl's and tech-tracker's. */
export const DEFAULT_RECIPIENT_VARIABLES = ['MAIL_TO', 'NOTIF_TO_ADDRESS'] as const;

// What nodemailer sends: one local part, one @, one domain (`a@b.c`, `ops@localhost` too), no
// white space or characters that would end the address in an SMTP envelope.
const ADDRESS = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+$/;
const NAMED = /^(.*?)<([^<>]+)>$/;

/** True for a bare address like `ann@example.org`, as nodemailer would send to it. */
export function isEmailAddress(value: string): boolean {
  return ADDRESS.test(value);
}

/**
 * A recipient as written: bare `ann@example.org` or named `Ann Lee <ann@example.org>`, read
 * by nodemailer's own address parser. A bare entry must be the address alone: nodemailer would
 * read `ann lee@x.org` as the name "ann" and the address `lee@x.org`, which nobody means.
 */
export function isRecipient(value: string): boolean {
  const entry = value.trim();
  const parsed = addressparser(entry, { flatten: true });
  if (parsed.length !== 1) return false;
  const address = parsed[0]?.address.trim() ?? '';
  if (!isEmailAddress(address)) return false;
  const named = NAMED.exec(entry);
  return named ? (named[2] ?? '').trim() === address : entry === address;
}

/** The address part of a recipient (`Ann <ann@x.org>` -> `ann@x.org`), lower-cased for comparison. */
export function addressOf(recipient: string): string {
  const named = NAMED.exec(recipient.trim());
  return (named ? (named[2] ?? '') : recipient).trim().toLowerCase();
}

/** Result of parsing a recipient list: what is usable and what is not. */
export interface ParsedRecipients {
  /** Valid recipients in their original order, duplicates (same address) removed. */
  recipients: string[];
  /** Entries that are not e-mail addresses, as written. */
  invalid: string[];
}

/** Parses a comma- or semicolon-separated list (`a@x.org; Bob <b@x.org>`). Pure. */
export function parseRecipients(text: string): ParsedRecipients {
  const recipients: string[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  for (const part of text.split(/[,;\n]/)) {
    const entry = part.trim();
    if (entry === '') continue;
    if (!isRecipient(entry)) {
      invalid.push(entry);
      continue;
    }
    const key = addressOf(entry);
    if (seen.has(key)) continue;
    seen.add(key);
    recipients.push(entry);
  }
  return { recipients, invalid };
}

/**
 * Recipients from the environment: the union of the given variables (default `MAIL_TO` and
 * tech-tracker's `NOTIF_TO_ADDRESS`), each a comma/semicolon separated list. Unset variables
 * give an empty list. Throws CONFIG naming every entry that is not an address.
 */
export function recipientsFromEnv(
  env: Env,
  variables: readonly string[] = DEFAULT_RECIPIENT_VARIABLES,
): string[] {
  const { recipients, problems } = readRecipients(env, variables);
  if (problems.length > 0) {
    throw notifySettingsError(problems, 'recipients');
  }
  return recipients;
}

/**
 * The entries of the recipient variables that are not addresses, as problems to tell in the
 * user's language (see `recipientsFromEnv`, which throws them in English). Pure.
 */
export function recipientProblems(
  env: Env,
  variables: readonly string[] = DEFAULT_RECIPIENT_VARIABLES,
): SettingProblem[] {
  return readRecipients(env, variables).problems;
}

function readRecipients(
  env: Env,
  variables: readonly string[],
): { recipients: string[]; problems: SettingProblem[] } {
  const recipients: string[] = [];
  const seen = new Set<string>();
  const problems: SettingProblem[] = [];
  for (const name of variables) {
    const value = env[name];
    if (value === undefined || value.trim() === '') continue;
    const parsed = parseRecipients(value);
    for (const bad of parsed.invalid)
      problems.push(settingProblem(name, 'address', { value: bad }));
    for (const r of parsed.recipients) {
      const key = addressOf(r);
      if (seen.has(key)) continue;
      seen.add(key);
      recipients.push(r);
    }
  }
  return { recipients, problems };
}

/** Splits recipients into consecutive slices of at most `size`. Pure. */
export function splitRecipients(
  recipients: readonly string[],
  size = MAX_RECIPIENTS_PER_MESSAGE,
): string[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`slice size must be a positive integer, got ${size}`);
  const slices: string[][] = [];
  for (let i = 0; i < recipients.length; i += size) slices.push(recipients.slice(i, i + size));
  return slices;
}

/** How one message will be sent: the slices to deliver and the entries that cannot be. */
export interface DeliveryPlan {
  slices: string[][];
  invalid: string[];
}

/** Drops unusable entries (kept in `invalid`, to be reported) and slices the rest. Pure. */
export function planDelivery(
  to: readonly string[],
  size = MAX_RECIPIENTS_PER_MESSAGE,
): DeliveryPlan {
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const entry of to) (isRecipient(entry) ? valid : invalid).push(entry);
  return { slices: splitRecipients(valid, size), invalid };
}

/** The DATA result of the entries that are not addresses: none when there are none. */
export function invalidRecipientsResults(invalid: readonly string[]): SendResult[] {
  return invalid.length === 0
    ? []
    : [{ ok: false, recipients: [...invalid], error: invalidRecipientsError(invalid) }];
}

/** The DATA error reported for recipients that are not addresses (nothing was sent to them). */
export function invalidRecipientsError(invalid: readonly string[]): ToolbeltError {
  const recipients = invalid.map((r) => JSON.stringify(r)).join(', ');
  return messages.error('DATA', 'errors.mail.invalidRecipients', { recipients });
}
