import { createTransport } from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpServer, type SmtpServerOptions, type SmtpTestServer } from './smtp.js';

const servers: SmtpTestServer[] = [];

async function start(options?: SmtpServerOptions): Promise<SmtpTestServer> {
  const server = await startSmtpServer(options);
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

function client(server: SmtpTestServer, extra: Record<string, unknown> = {}) {
  return createTransport({
    host: server.host,
    port: server.port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 20_000,
    ...extra,
  });
}

describe('startSmtpServer', () => {
  it(
    'receives a mail over SMTP and parses subject, body, headers and envelope',
    { timeout: 60_000 },
    async () => {
      const server = await start();
      expect(server.url).toBe(`smtp://127.0.0.1:${server.port}`);
      const transport = client(server);
      await transport.sendMail({
        from: 'Отправитель <sender@example.org>',
        to: ['ann@example.org', 'bob@example.org'],
        bcc: 'hidden@example.org',
        subject: 'Отчёт за 2024-10-02',
        text: 'Обработка данных завершена.\nSecond line.',
      });
      const [mail] = await server.waitFor(1, 30_000);
      expect(mail?.subject).toBe('Отчёт за 2024-10-02');
      expect(mail?.text).toBe('Обработка данных завершена.\nSecond line.');
      expect(mail?.from?.value[0]).toEqual({ address: 'sender@example.org', name: 'Отправитель' });
      expect(mail?.envelope).toEqual({
        from: 'sender@example.org',
        to: ['ann@example.org', 'bob@example.org', 'hidden@example.org'],
      });
      expect(mail?.user).toBeUndefined();
      expect(mail?.raw).toContain('Subject: =?UTF-8?');
    },
  );

  it(
    'requires AUTH when credentials are configured and records who logged in',
    { timeout: 60_000 },
    async () => {
      const server = await start({ auth: { user: 'robot', password: 's3cret-pass' } });

      const anonymous = client(server);
      await expect(
        anonymous.sendMail({ from: 'a@example.org', to: 'b@example.org', text: 'x' }),
      ).rejects.toMatchObject({
        responseCode: 530,
      });

      const wrong = client(server, { auth: { user: 'robot', pass: 'nope' } });
      await expect(
        wrong.sendMail({ from: 'a@example.org', to: 'b@example.org', text: 'x' }),
      ).rejects.toMatchObject({
        code: 'EAUTH',
        responseCode: 535,
      });

      const plain = client(server, {
        auth: { user: 'robot', pass: 's3cret-pass' },
        authMethod: 'PLAIN',
      });
      await plain.sendMail({ from: 'a@example.org', to: 'b@example.org', text: 'plain' });
      const login = client(server, {
        auth: { user: 'robot', pass: 's3cret-pass' },
        authMethod: 'LOGIN',
      });
      await login.sendMail({ from: 'a@example.org', to: 'b@example.org', text: 'login' });

      const mails = await server.waitFor(2, 30_000);
      expect(mails.map((m) => m.user)).toEqual(['robot', 'robot']);
      expect(server.authAttempts).toEqual([
        { method: 'PLAIN', user: 'robot', accepted: false },
        { method: 'PLAIN', user: 'robot', accepted: true },
        { method: 'LOGIN', user: 'robot', accepted: true },
      ]);
      expect(JSON.stringify(server.authAttempts)).not.toContain('s3cret-pass');
    },
  );

  it('refuses RCPT or DATA on demand, then accepts again', { timeout: 60_000 }, async () => {
    const server = await start();
    const transport = client(server);
    const mail = { from: 'a@example.org', to: 'b@example.org', subject: 's', text: 'x' };

    server.failNext(1, 550, 'rcpt');
    await expect(transport.sendMail(mail)).rejects.toMatchObject({
      code: 'EENVELOPE',
      responseCode: 550,
    });

    server.failNext(1, 451, 'data');
    await expect(transport.sendMail(mail)).rejects.toMatchObject({
      code: 'EMESSAGE',
      responseCode: 451,
    });
    expect(server.messages).toHaveLength(0);

    server.failNext(1, 550);
    const partial = await transport.sendMail({
      ...mail,
      to: ['gone@example.org', 'here@example.org'],
    });
    expect(partial.rejected).toEqual(['gone@example.org']);
    expect(partial.accepted).toEqual(['here@example.org']);
    const [received] = await server.waitFor(1);
    expect(received?.envelope.to).toEqual(['here@example.org']);

    expect(() => server.failNext(0)).toThrow(RangeError);
    expect(() => server.failNext(1, 250)).toThrow(RangeError);
  });

  it(
    'waitFor rejects when the messages do not come, and reset forgets',
    { timeout: 60_000 },
    async () => {
      const server = await start();
      await expect(server.waitFor(1, 200)).rejects.toThrow(
        /expected 1 message\(s\) within 200 ms, got 0/,
      );
      await client(server).sendMail({ from: 'a@example.org', to: 'b@example.org', text: 'x' });
      await server.waitFor(1);
      server.reset();
      expect(server.messages).toHaveLength(0);
    },
  );

  it('speaks implicit TLS when secure', { timeout: 60_000 }, async () => {
    const server = await start({ secure: true });
    expect(server.url).toBe(`smtps://127.0.0.1:${server.port}`);
    const transport = createTransport({
      host: server.host,
      port: server.port,
      secure: true,
      tls: { rejectUnauthorized: false },
    });
    await transport.sendMail({
      from: 'a@example.org',
      to: 'b@example.org',
      subject: 'tls',
      text: 'x',
    });
    const [mail] = await server.waitFor(1);
    expect(mail?.subject).toBe('tls');
  });
  it('offers STARTTLS when asked, and a client can require it', { timeout: 60_000 }, async () => {
    const server = await start({ starttls: true, auth: { user: 'u', password: 'p-123456' } });
    const transport = createTransport({
      host: server.host,
      port: server.port,
      secure: false,
      requireTLS: true,
      auth: { user: 'u', pass: 'p-123456' },
      tls: { rejectUnauthorized: false },
    });
    await transport.sendMail({
      from: 'a@example.org',
      to: 'b@example.org',
      subject: 'starttls',
      text: 'x',
    });
    const [mail] = await server.waitFor(1);
    expect(mail?.subject).toBe('starttls');
    expect(mail?.user).toBe('u');

    const plain = await start();
    const demanding = createTransport({
      host: plain.host,
      port: plain.port,
      secure: false,
      requireTLS: true,
    });
    await expect(
      demanding.sendMail({ from: 'a@example.org', to: 'b@example.org', text: 'x' }),
    ).rejects.toMatchObject({
      code: 'ETLS',
    });
  });
});
