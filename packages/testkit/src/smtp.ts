import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import {
  SMTPServer,
  type SMTPServerAuthentication,
  type SMTPServerOptions,
  type SMTPServerSession,
} from 'smtp-server';

export type { ParsedMail } from 'mailparser';

/** Options of the in-process SMTP test server. */
export interface SmtpServerOptions {
  /**
   * Credentials the server accepts (AUTH PLAIN and LOGIN). When set, a client must log in
   * before MAIL FROM; when unset, AUTH is optional and any credentials are accepted (the
   * user is still recorded).
   */
  auth?: { user: string; password: string };
  /** Offer STARTTLS with smtp-server's built-in test certificate. Default false. */
  starttls?: boolean;
  /** Implicit TLS from the first byte (like port 465), built-in test certificate. Default false. */
  secure?: boolean;
  /** Largest message accepted, in bytes (SIZE extension). Default 25 MB. */
  maxSize?: number;
}

/** A mail as the server received it: the parsed message plus the SMTP envelope. */
export interface CapturedMail extends ParsedMail {
  /** MAIL FROM and RCPT TO of the transaction (the real recipients, Bcc included). */
  envelope: { from: string; to: string[] };
  /** The user that logged in on the connection, undefined without AUTH. */
  user: string | undefined;
  /** The message exactly as received (RFC 5322 source). */
  raw: string;
}

/** One AUTH attempt seen by the server (the password is never recorded). */
export interface AuthAttempt {
  method: string;
  user: string;
  accepted: boolean;
}

/** Where a failure injected with `failNext` is answered. */
export type SmtpFailureStage = 'rcpt' | 'data';

export interface SmtpTestServer {
  host: string;
  port: number;
  /** `smtp://127.0.0.1:PORT` (`smtps://` with `secure`); no credentials in it. */
  url: string;
  /** Mails received so far, in arrival order. */
  readonly messages: CapturedMail[];
  /** AUTH attempts so far, in order. */
  readonly authAttempts: AuthAttempt[];
  /** Resolves with the messages once at least `count` arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  /** Forgets received messages, AUTH attempts and pending failures. */
  reset(): void;
  /**
   * Makes the server refuse what comes next with the SMTP reply `code` (default 550):
   * at stage `rcpt` (default) the next `n` RCPT TO commands, at stage `data` the next `n`
   * messages after their DATA. A 4xx code is a temporary refusal, 5xx a permanent one.
   */
  failNext(n: number, code?: number, stage?: SmtpFailureStage): void;
  /** Closes the server and every open connection. */
  stop(): Promise<void>;
}

interface PendingFailure {
  stage: SmtpFailureStage;
  code: number;
  left: number;
}

interface Waiter {
  count: number;
  resolve: (mails: CapturedMail[]) => void;
}

/** SMTP reply text for an injected failure, close to what real servers say. */
function failureText(code: number, stage: SmtpFailureStage): string {
  if (stage === 'rcpt') {
    return code >= 500
      ? 'Recipient address rejected: user unknown'
      : 'Recipient temporarily deferred, try again later';
  }
  return code >= 500 ? 'Message rejected as spam' : 'Temporary local problem, try again later';
}

function smtpError(code: number, text: string): Error & { responseCode: number } {
  return Object.assign(new Error(text), { responseCode: code });
}

/**
 * Starts a real SMTP server on 127.0.0.1 (random port) that captures and parses every mail,
 * so tests can check what a real SMTP client delivered.
 */
export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<SmtpTestServer> {
  const messages: CapturedMail[] = [];
  const authAttempts: AuthAttempt[] = [];
  const failures: PendingFailure[] = [];
  let waiters: Waiter[] = [];

  const takeFailure = (stage: SmtpFailureStage): number | undefined => {
    const failure = failures.find((f) => f.stage === stage && f.left > 0);
    if (!failure) return undefined;
    failure.left -= 1;
    return failure.code;
  };

  const notify = (): void => {
    const ready = waiters.filter((w) => messages.length >= w.count);
    waiters = waiters.filter((w) => messages.length < w.count);
    for (const w of ready) w.resolve([...messages]);
  };

  const serverOptions: SMTPServerOptions = {
    secure: options.secure ?? false,
    // Plain-text AUTH on loopback is what tests need; real servers demand TLS first.
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    authOptional: !options.auth,
    disabledCommands: options.starttls || options.secure ? [] : ['STARTTLS'],
    disableReverseLookup: true,
    // Tests stop the server right after their last mail: do not wait long for idle clients.
    closeTimeout: 2_000,
    // `false` also silences the warning about the built-in test certificate.
    logger: false,
    size: options.maxSize ?? 25 * 1024 * 1024,
    onAuth(auth: SMTPServerAuthentication, _session: SMTPServerSession, callback) {
      const user = auth.username ?? '';
      const accepted =
        !options.auth || (user === options.auth.user && auth.password === options.auth.password);
      authAttempts.push({ method: auth.method, user, accepted });
      if (!accepted) {
        callback(smtpError(535, '5.7.8 Authentication credentials invalid'));
        return;
      }
      callback(null, { user });
    },
    onRcptTo(_address, _session, callback) {
      const code = takeFailure('rcpt');
      callback(code === undefined ? null : smtpError(code, failureText(code, 'rcpt')));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (err: Error) => callback(err));
      stream.on('end', () => {
        const code = takeFailure('data');
        if (code !== undefined) {
          callback(smtpError(code, failureText(code, 'data')));
          return;
        }
        if (stream.sizeExceeded) {
          callback(smtpError(552, 'Message exceeds fixed maximum message size'));
          return;
        }
        const raw = Buffer.concat(chunks);
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        const user = typeof session.user === 'string' ? session.user : undefined;
        simpleParser(raw).then(
          (parsed) => {
            messages.push(Object.assign(parsed, { envelope, user, raw: raw.toString('utf8') }));
            // Answer 250 first, then wake waiters, so a client sees its send finish.
            callback(null, 'Message queued');
            notify();
          },
          (err: unknown) => callback(smtpError(554, `Unparsable message: ${String(err)}`)),
        );
      });
    },
  };

  const server = new SMTPServer(serverOptions);
  server.on('error', () => {
    // Connection-level errors (a client dropping the socket) are part of failure tests.
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  const host = '127.0.0.1';

  let stopped: Promise<void> | undefined;

  return {
    host,
    port,
    url: `${options.secure ? 'smtps' : 'smtp'}://${host}:${port}`,
    messages,
    authAttempts,
    waitFor(count, timeoutMs = 30_000) {
      if (messages.length >= count) return Promise.resolve([...messages]);
      return new Promise<CapturedMail[]>((resolve, reject) => {
        const waiter: Waiter = {
          count,
          resolve: (mails) => {
            clearTimeout(timer);
            resolve(mails);
          },
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          reject(
            new Error(
              `SMTP test server: expected ${count} message(s) within ${timeoutMs} ms, got ${messages.length}`,
            ),
          );
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    reset() {
      messages.length = 0;
      authAttempts.length = 0;
      failures.length = 0;
    },
    failNext(n, code = 550, stage = 'rcpt') {
      if (!Number.isInteger(n) || n < 1)
        throw new RangeError(`failNext: n must be a positive integer, got ${n}`);
      if (!Number.isInteger(code) || code < 400 || code > 599) {
        throw new RangeError(`failNext: code must be an SMTP 4xx or 5xx reply code, got ${code}`);
      }
      failures.push({ stage, code, left: n });
    },
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      return stopped;
    },
  };
}

/** Parses an RFC 5322 message (an `.eml` file's content) the way the server parses mails. */
export function parseMail(source: Buffer | string): Promise<ParsedMail> {
  return simpleParser(source);
}
