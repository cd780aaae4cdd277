import { envValue, type Env } from './env.js';
import type { Mailer } from './mailer.js';
import {
  createOutboxMailer,
  DEFAULT_OUTBOX_DIR,
  type OutboxMailerOptions,
} from './outbox-mailer.js';
import { isRecipient } from './recipients.js';
import {
  englishProblem,
  notifySettingsError,
  settingProblem,
  type SettingProblem,
} from './setting-problem.js';
import { createSmtpMailer } from './smtp-mailer.js';
import {
  GMAIL_SMTP,
  parseSmtpUrl,
  resolveSmtpOptions,
  type SmtpMailerOptions,
} from './smtp-options.js';

/** Which mailer the environment selects, with its options (holds the password: do not log). */
export type MailSettings =
  | { kind: 'smtp'; selectedBy: 'SMTP_URL' | 'SMTP_HOST' | 'GMAIL_USER'; smtp: SmtpMailerOptions }
  | { kind: 'outbox'; outbox: OutboxMailerOptions };

/** Options of `mailerFromEnv` / `mailSettingsFromEnv`. */
export interface MailerFromEnvOptions {
  /** Outbox folder when `OUTBOX_DIR` is not set. Default `.outbox`. */
  defaultOutboxDir?: string;
}

const BOOLEAN: Record<string, boolean> = {
  true: true,
  yes: true,
  on: true,
  '1': true,
  false: false,
  no: false,
  off: false,
  '0': false,
};

/** Google shows app passwords as four groups of four letters; they work without the spaces. */
function gmailAppPassword(value: string): string {
  return /^[a-z]{4}( [a-z]{4}){3}$/i.test(value) ? value.replace(/ /g, '') : value;
}

/**
 * Reads the e-mail settings (pure): SMTP when `SMTP_URL` or `SMTP_HOST` is set (with
 * `SMTP_PORT`, `SMTP_SECURE`, `SMTP_USER`, `SMTP_PASSWORD`), Gmail when tech-tracker's
 * `GMAIL_USER`/`GMAIL_PWD` are set, else the outbox folder `OUTBOX_DIR`. `MAIL_FROM` sets the
 * sender. Returns every problem found, in English (`problems`) and as data to tell in the
 * user's language (`settingProblems`); problems never contain a password.
 */
export function mailSettingsFromEnv(
  env: Env,
  options: MailerFromEnvOptions = {},
): { settings?: MailSettings; problems: string[]; settingProblems: SettingProblem[] } {
  const found: SettingProblem[] = [];
  const add = (problem: SettingProblem): void => {
    const text = englishProblem(problem);
    if (!found.some((p) => englishProblem(p) === text)) found.push(problem);
  };
  const url = envValue(env, 'SMTP_URL');
  const host = envValue(env, 'SMTP_HOST');
  const portText = envValue(env, 'SMTP_PORT');
  const secureText = envValue(env, 'SMTP_SECURE');
  const user = envValue(env, 'SMTP_USER');
  // Passwords may legitimately start or end with spaces: only an empty value counts as unset.
  const password = env.SMTP_PASSWORD === '' ? undefined : env.SMTP_PASSWORD;
  const from = envValue(env, 'MAIL_FROM');
  const gmailUser = envValue(env, 'GMAIL_USER');
  const gmailPassword = env.GMAIL_PWD === '' ? undefined : env.GMAIL_PWD;

  let port: number | undefined;
  if (portText !== undefined) {
    port = /^\d+$/.test(portText) ? Number(portText) : Number.NaN;
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      add(settingProblem('SMTP_PORT', 'port', { value: portText }));
      port = undefined;
    }
  }
  let secure: boolean | undefined;
  if (secureText !== undefined) {
    secure = BOOLEAN[secureText.toLowerCase()];
    if (secure === undefined) add(settingProblem('SMTP_SECURE', 'boolean', { value: secureText }));
  }
  if (from !== undefined && !isRecipient(from))
    add(settingProblem('MAIL_FROM', 'address', { value: from }));

  let settings: MailSettings | undefined;
  if (url !== undefined || host !== undefined) {
    let smtp: SmtpMailerOptions;
    if (url !== undefined) {
      const { parts, problem } = parseSmtpUrl(url, 'SMTP_URL');
      if (problem) add(problem);
      smtp = {
        url,
        // A URL without credentials takes them from SMTP_USER/SMTP_PASSWORD (a secret store
        // often holds the password apart from the URL).
        user: parts?.user === undefined ? user : undefined,
        password: parts?.password === undefined ? password : undefined,
        port: parts?.port === undefined ? port : undefined,
      };
    } else {
      smtp = {
        host,
        port,
        secure,
        user,
        password,
      };
    }
    if (from !== undefined) smtp.from = from;
    // The URL itself was checked above under its variable name.
    const { settingProblems: optionProblems } = resolveSmtpOptions(smtp);
    for (const problem of optionProblems.filter((p) => p.params.name !== 'url'))
      add(toEnvProblem(problem));
    settings = { kind: 'smtp', selectedBy: url !== undefined ? 'SMTP_URL' : 'SMTP_HOST', smtp };
  } else if (gmailUser !== undefined || gmailPassword !== undefined) {
    if (gmailUser === undefined)
      add(settingProblem('GMAIL_USER', 'requiredWith', { other: 'GMAIL_PWD' }));
    else if (!isRecipient(gmailUser))
      add(settingProblem('GMAIL_USER', 'address', { value: gmailUser }));
    if (gmailPassword === undefined)
      add(settingProblem('GMAIL_PWD', 'gmailPassword', { other: 'GMAIL_USER' }));
    settings = {
      kind: 'smtp',
      selectedBy: 'GMAIL_USER',
      smtp: {
        ...GMAIL_SMTP,
        user: gmailUser,
        password: gmailPassword === undefined ? undefined : gmailAppPassword(gmailPassword),
        from: from ?? gmailUser,
      },
    };
  } else {
    settings = {
      kind: 'outbox',
      outbox: {
        dir: envValue(env, 'OUTBOX_DIR') ?? options.defaultOutboxDir ?? DEFAULT_OUTBOX_DIR,
        from,
      },
    };
  }
  const problems = found.map(englishProblem);
  return found.length > 0
    ? { problems, settingProblems: found }
    : { settings, problems, settingProblems: found };
}

/** Names the env variable behind an option problem (`password` -> `SMTP_PASSWORD`). */
function toEnvProblem(problem: SettingProblem): SettingProblem {
  const names: Record<string, string> = {
    host: 'SMTP_HOST',
    port: 'SMTP_PORT',
    password: 'SMTP_PASSWORD',
    user: 'SMTP_USER',
    from: 'MAIL_FROM',
  };
  const name = names[problem.params.name];
  return name ? { ...problem, params: { ...problem.params, name } } : problem;
}

/** Builds the mailer for settings from `mailSettingsFromEnv`. */
export function createMailer(settings: MailSettings): Mailer {
  return settings.kind === 'smtp'
    ? createSmtpMailer(settings.smtp)
    : createOutboxMailer(settings.outbox);
}

/**
 * The mailer the environment selects (see `mailSettingsFromEnv`): SMTP, Gmail, or the outbox
 * folder. Throws a CONFIG error listing every problem when the settings are invalid.
 */
export function mailerFromEnv(env: Env, options: MailerFromEnvOptions = {}): Mailer {
  const { settings, settingProblems } = mailSettingsFromEnv(env, options);
  if (!settings) {
    throw notifySettingsError(settingProblems, 'mail');
  }
  return createMailer(settings);
}
