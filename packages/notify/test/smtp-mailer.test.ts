import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import type { ToolbeltError } from '@toolbelt/errors';
import { createI18n } from '@toolbelt/i18n';
import { startSmtpServer, type SmtpTestServer } from '@toolbelt/testkit/smtp';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpMailer, mailerFromEnv, type SendResult } from '../src/index.js';
import { messages } from '../src/i18n/index.js';
import { describeMailerContract } from './mailer-contract.js';

const i18n = createI18n({ lang: 'ru', namespaces: { notify: messages.catalog } });

describeMailerContract('SMTP (nodemailer -> smtp-server on loopback)', async () => {
  const server = await startSmtpServer({
    auth: { user: 'robot@example.org', password: 'app-password-1' },
  });
  const mailer = createSmtpMailer({
    host: server.host,
    port: server.port,
    user: 'robot@example.org',
    password: 'app-password-1',
  });
  return {
    mailer,
    delivered: async (count) =>
      (await server.waitFor(count))
        .slice(0, count)
        .map((m) => ({ mail: m, recipients: m.envelope.to })),
    deliveredCount: () => Promise.resolve(server.messages.length),
    cleanup: () => server.stop(),
  };
});

const servers: SmtpTestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});
async function start(options?: Parameters<typeof startSmtpServer>[0]): Promise<SmtpTestServer> {
  const server = await startSmtpServer(options);
  servers.push(server);
  return server;
}

function failure(result: SendResult | undefined) {
  if (!result || result.ok)
    throw new Error(`expected a failed result, got ${JSON.stringify(result)}`);
  return result.error;
}

/** A port nothing listens on: bind, read the port, close. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('createSmtpMailer', () => {
  it(
    'logs in with the configured user and sends from it by default',
    { timeout: 60_000 },
    async () => {
      const server = await start({
        auth: { user: 'robot@example.org', password: 'app-password-1' },
      });
      const mailer = createSmtpMailer({
        url: `smtp://robot%40example.org:app-password-1@127.0.0.1:${server.port}`,
      });
      expect(mailer.kind).toBe('smtp');
      expect(mailer.target).toBe(`smtp://127.0.0.1:${server.port}`);
      const results = await mailer.send({
        to: ['ann@example.org'],
        subject: 'Тема',
        text: 'Текст',
      });
      await mailer.close();
      expect(results[0]?.ok).toBe(true);
      const [mail] = await server.waitFor(1);
      expect(mail?.user).toBe('robot@example.org');
      expect(mail?.envelope.from).toBe('robot@example.org');
      expect(mail?.from?.value[0]?.address).toBe('robot@example.org');
    },
  );

  it(
    'returns AUTH for a refused login, without the password anywhere',
    { timeout: 60_000 },
    async () => {
      const server = await start({
        auth: { user: 'robot@example.org', password: 'right-password' },
      });
      const mailer = createSmtpMailer({
        host: server.host,
        port: server.port,
        user: 'robot@example.org',
        password: 'wrong-password-xyz',
      });
      const results = await mailer.send({
        to: ['ann@example.org', ...Array.from({ length: 150 }, (_, i) => `p${i}@example.org`)],
        subject: 's',
        text: 't',
      });
      await mailer.close();
      // Both slices reported (the second without a second login attempt), none lost.
      expect(results.map((r) => [r.ok, r.recipients.length])).toEqual([
        [false, 100],
        [false, 51],
      ]);
      const error = failure(results[0]);
      expect(error.code).toBe('AUTH');
      expect(error.exitCode).toBe(77);
      expect(error.message).toContain('robot@example.org');
      expect(error.message).toContain('535');
      expect(i18n.has(error.key ?? '')).toBe(true);
      expect(i18n.t(error.key ?? '', error.params)).toContain('отклонил вход');
      expect(server.authAttempts).toHaveLength(1);
      const everything =
        JSON.stringify(results) +
        String(error.cause) +
        JSON.stringify(error.params) +
        error.message;
      expect(everything).not.toContain('wrong-password-xyz');
      expect(everything).not.toContain(Buffer.from('wrong-password-xyz').toString('base64'));
      expect(server.messages).toHaveLength(0);
    },
  );

  it('returns UNAVAILABLE when the server is down', { timeout: 60_000 }, async () => {
    const port = await closedPort();
    const mailer = createSmtpMailer({
      host: '127.0.0.1',
      port,
      user: 'u@example.org',
      password: 'secret-pw-1',
    });
    const results = await mailer.send({ to: ['ann@example.org'], subject: 's', text: 't' });
    await mailer.close();
    const error = failure(results[0]);
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toContain(`smtp://127.0.0.1:${port}`);
    expect(error.message).toMatch(/ECONNREFUSED|connect/i);
    expect(JSON.stringify(results)).not.toContain('secret-pw-1');
  });

  it(
    'returns UNAVAILABLE when the server does not greet in time',
    { timeout: 60_000 },
    async () => {
      // A TCP server that accepts and stays silent: the SMTP greeting never comes.
      const sockets = new Set<Socket>();
      const silent = createServer((socket) => {
        sockets.add(socket);
      });
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const { port } = silent.address() as AddressInfo;
      try {
        const mailer = createSmtpMailer({ host: '127.0.0.1', port, connectionTimeoutMs: 500 });
        const results = await mailer.send({ to: ['ann@example.org'], subject: 's', text: 't' });
        await mailer.close();
        const error = failure(results[0]);
        expect(error.code).toBe('UNAVAILABLE');
        expect(error.key).toBe('notify:errors.smtp.timeout');
      } finally {
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) => silent.close(() => resolve()));
      }
    },
  );

  it(
    'maps 4xx to TEMPFAIL, rejected recipients to DATA, and keeps going with the next slices',
    { timeout: 60_000 },
    async () => {
      const server = await start();
      const waits: number[] = [];
      const sleep = (ms: number): Promise<void> => {
        waits.push(ms);
        return Promise.resolve();
      };
      const mailer = createSmtpMailer({ host: server.host, port: server.port, sleep });
      const to = Array.from({ length: 201 }, (_, i) => `p${i}@example.org`);

      // Four 451s outlast the default three retries of the first slice.
      server.failNext(4, 451, 'data');
      const results = await mailer.send({ to, subject: 's', text: 't' });
      expect(results.map((r) => [r.ok, r.recipients.length])).toEqual([
        [false, 100],
        [true, 100],
        [true, 1],
      ]);
      expect(failure(results[0]).code).toBe('TEMPFAIL');
      expect(failure(results[0]).exitCode).toBe(75);
      expect(failure(results[0]).key).toBe('notify:errors.smtp.deferredRetried');
      expect(failure(results[0]).params.attempts).toBe(4);
      expect(waits).toEqual([2000, 4000, 8000]);
      await server.waitFor(2);

      server.reset();
      server.failNext(1, 550, 'rcpt');
      const partial = await mailer.send({
        to: ['gone@example.org', 'here@example.org'],
        subject: 's',
        text: 't',
      });
      expect(partial.map((r) => [r.ok, r.recipients])).toEqual([
        [true, ['here@example.org']],
        [false, ['gone@example.org']],
      ]);
      expect(failure(partial[1]).code).toBe('DATA');
      expect(failure(partial[1]).message).toContain('gone@example.org');

      server.failNext(1, 550, 'rcpt');
      const allRejected = await mailer.send({ to: ['gone@example.org'], subject: 's', text: 't' });
      expect(failure(allRejected[0]).code).toBe('DATA');

      server.failNext(1, 554, 'data');
      const refused = await mailer.send({ to: ['ann@example.org'], subject: 's', text: 't' });
      expect(failure(refused[0]).code).toBe('UNAVAILABLE');
      expect(failure(refused[0]).key).toBe('notify:errors.smtp.messageRejected');
      await mailer.close();
    },
  );

  it(
    'sends again after a transient 451 or 452 and delivers every recipient once',
    { timeout: 60_000 },
    async () => {
      const server = await start();
      const waits: number[] = [];
      const mailer = createSmtpMailer({
        host: server.host,
        port: server.port,
        deferredBackoffMs: 50,
        sleep: (ms) => {
          waits.push(ms);
          return Promise.resolve();
        },
      });
      server.failNext(2, 451, 'data');
      const results = await mailer.send({
        to: ['ann@example.org', 'bob@example.org'],
        subject: 's',
        text: 't',
      });
      expect(results).toEqual([
        expect.objectContaining({ ok: true, recipients: ['ann@example.org', 'bob@example.org'] }),
      ]);
      expect(waits).toEqual([50, 100]);
      const mails = await server.waitFor(1);
      expect(mails).toHaveLength(1);

      // A 4xx on one RCPT: only that recipient is sent again.
      server.reset();
      waits.length = 0;
      server.failNext(1, 452, 'rcpt');
      const partial = await mailer.send({
        to: ['cy@example.org', 'di@example.org'],
        subject: 's',
        text: 't',
      });
      expect(partial.every((r) => r.ok)).toBe(true);
      expect(partial.flatMap((r) => r.recipients).sort()).toEqual([
        'cy@example.org',
        'di@example.org',
      ]);
      expect(waits).toEqual([50]);
      const delivered = await server.waitFor(2);
      expect(delivered.flatMap((m) => m.envelope.to).sort()).toEqual([
        'cy@example.org',
        'di@example.org',
      ]);

      // deferredRetries 0 keeps the old single attempt.
      const once = createSmtpMailer({ host: server.host, port: server.port, deferredRetries: 0 });
      server.failNext(1, 451, 'data');
      const refused = await once.send({ to: ['ed@example.org'], subject: 's', text: 't' });
      expect(failure(refused[0]).key).toBe('notify:errors.smtp.deferred');
      await mailer.close();
      await once.close();
    },
  );

  it('throws CONFIG for invalid options, naming each problem but not the password', () => {
    expect(() => createSmtpMailer({ url: 'smtp://u:pw-in-url@' })).toThrow(
      expect.objectContaining({ problems: [expect.stringMatching(/^SMTP url/)] }),
    );
    try {
      createSmtpMailer({
        host: 'smtp.example.org',
        port: 70000,
        password: 'lonely-secret',
        from: 'nobody',
      });
      expect.unreachable();
    } catch (err) {
      const e = err as ToolbeltError;
      expect(e.code).toBe('CONFIG');
      expect(e.problems).toEqual([
        'SMTP port: must be a whole number from 1 to 65535, got 70000',
        'SMTP user: required when a password is given',
        'SMTP from: "nobody" is not an e-mail address',
      ]);
      expect(e.message).not.toContain('lonely-secret');
      expect(JSON.stringify(e.problems)).not.toContain('lonely-secret');
      expect(e.localized('ru').problems?.[0]).toBe(
        'SMTP port: должно быть целым числом от 1 до 65535, получено 70000',
      );
    }
    expect(() => createSmtpMailer({ host: 'h', deferredRetries: 11, socketTimeoutMs: 0 })).toThrow(
      expect.objectContaining({
        problems: [
          'SMTP deferredRetries: must be a whole number from 0 to 10',
          'SMTP socketTimeoutMs: must be a positive number of milliseconds',
        ],
      }),
    );
  });

  it('speaks implicit TLS (as Gmail on 465) and STARTTLS', { timeout: 60_000 }, async () => {
    const tlsServer = await start({
      secure: true,
      auth: { user: 'hr@example.org', password: 'abcdefghijklmnop' },
    });
    const secure = createSmtpMailer({
      host: tlsServer.host,
      port: tlsServer.port,
      secure: true,
      user: 'hr@example.org',
      password: 'abcdefghijklmnop',
      rejectUnauthorized: false,
    });
    expect(secure.target).toBe(`smtps://127.0.0.1:${tlsServer.port}`);
    expect((await secure.send({ to: ['ann@example.org'], subject: 'TLS', text: 'x' }))[0]?.ok).toBe(
      true,
    );
    await secure.close();
    expect((await tlsServer.waitFor(1))[0]?.user).toBe('hr@example.org');

    // The certificate of the test server is self-signed: checked by default, so refused.
    const strict = createSmtpMailer({ host: tlsServer.host, port: tlsServer.port, secure: true });
    const refused = await strict.send({ to: ['ann@example.org'], subject: 'TLS', text: 'x' });
    await strict.close();
    expect(failure(refused[0]).code).toBe('UNAVAILABLE');

    const starttls = await start({ starttls: true });
    const upgrading = createSmtpMailer({
      host: starttls.host,
      port: starttls.port,
      requireTls: true,
      rejectUnauthorized: false,
    });
    expect(
      (await upgrading.send({ to: ['ann@example.org'], subject: 'STARTTLS', text: 'x' }))[0]?.ok,
    ).toBe(true);
    await upgrading.close();
    expect((await starttls.waitFor(1))[0]?.subject).toBe('STARTTLS');
  });

  it('uses Gmail settings: smtp.gmail.com, port 465, implicit TLS', () => {
    const mailer = mailerFromEnv({
      GMAIL_USER: 'hr.robot@gmail.com',
      GMAIL_PWD: 'abcd efgh ijkl mnop',
    });
    expect(mailer.kind).toBe('smtp');
    expect(mailer.target).toBe('smtps://smtp.gmail.com:465');
  });

  it('is what mailerFromEnv builds from SMTP_URL and MAIL_FROM', { timeout: 60_000 }, async () => {
    const server = await start({ auth: { user: 'etl', password: 'p@ss:word/1' } });
    const mailer = mailerFromEnv({
      SMTP_URL: `smtp://127.0.0.1:${server.port}`,
      SMTP_USER: 'etl',
      SMTP_PASSWORD: 'p@ss:word/1',
      MAIL_FROM: 'Learning ETL <etl@example.org>',
    });
    const results = await mailer.send({
      to: ['ann@example.org'],
      subject: 'Отчёт',
      text: 'Готово',
    });
    await mailer.close();
    expect(results[0]?.ok).toBe(true);
    const [mail] = await server.waitFor(1);
    expect(mail?.user).toBe('etl');
    expect(mail?.from?.value[0]).toEqual({ address: 'etl@example.org', name: 'Learning ETL' });
  });
});
