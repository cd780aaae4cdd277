import type { ParsedMail } from '@toolbelt/testkit/smtp';
import { describe, expect, it } from 'vitest';
import type { Mailer } from '../src/index.js';

/** One delivered mail: the parsed message and the addresses it reached. */
export interface Delivered {
  mail: ParsedMail;
  recipients: string[];
}

/** A mailer under test plus a way to see what it delivered. */
export interface MailerFixture {
  mailer: Mailer;
  /** Resolves with the first `count` delivered mails, in order. */
  delivered(count: number): Promise<Delivered[]>;
  /** How many mails were delivered so far. */
  deliveredCount(): Promise<number>;
  cleanup(): Promise<void>;
}

const people = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `person${String(i + 1).padStart(3, '0')}@example.org`);

/** The behaviour every `Mailer` adapter must have (run against SMTP and the outbox). */
export function describeMailerContract(name: string, setup: () => Promise<MailerFixture>): void {
  const withFixture = (fn: (fx: MailerFixture) => Promise<void>) => async () => {
    const fx = await setup();
    try {
      await fn(fx);
    } finally {
      await fx.mailer.close();
      await fx.cleanup();
    }
  };

  describe(`Mailer contract: ${name}`, () => {
    it(
      'delivers a real MIME message with UTF-8 (Russian) subject and bodies',
      { timeout: 60_000 },
      withFixture(async (fx) => {
        const results = await fx.mailer.send({
          to: ['Анна Петрова <anna@example.org>', 'bob@example.org'],
          subject: 'Уведомление об обработке данных за дату: 2024-10-02',
          text: 'Обработка данных завершена, итоговая статистика доступна по ссылке: https://example.org/r\nЁжик — «ёлка».',
          html: '<p>Обработка данных <b>завершена</b></p>',
        });
        expect(results).toHaveLength(1);
        const [result] = results;
        expect(result?.ok).toBe(true);
        expect(result?.recipients).toEqual(['Анна Петрова <anna@example.org>', 'bob@example.org']);
        const [got] = await fx.delivered(1);
        expect(got?.mail.subject).toBe('Уведомление об обработке данных за дату: 2024-10-02');
        expect(got?.mail.text?.trim()).toBe(
          'Обработка данных завершена, итоговая статистика доступна по ссылке: https://example.org/r\nЁжик — «ёлка».',
        );
        expect(got?.mail.html).toContain('<b>завершена</b>');
        expect(got?.recipients).toEqual(['anna@example.org', 'bob@example.org']);
        const to = got?.mail.to;
        const toList = Array.isArray(to) ? to : to ? [to] : [];
        expect(toList.flatMap((a) => a.value)).toContainEqual({
          address: 'anna@example.org',
          name: 'Анна Петрова',
        });
        if (result?.ok) expect(got?.mail.messageId).toBe(result.messageId);
        expect(got?.mail.date).toBeInstanceOf(Date);
      }),
    );

    it(
      'splits 250 recipients into 3 messages of at most 100, one result per message',
      { timeout: 60_000 },
      withFixture(async (fx) => {
        const everyone = people(250);
        const results = await fx.mailer.send({
          to: everyone,
          subject: 'Рассылка',
          text: 'Всем привет',
        });
        expect(results.map((r) => [r.ok, r.recipients.length])).toEqual([
          [true, 100],
          [true, 100],
          [true, 50],
        ]);
        const mails = await fx.delivered(3);
        expect(mails.map((m) => m.recipients.length)).toEqual([100, 100, 50]);
        expect(mails.flatMap((m) => m.recipients)).toEqual(everyone);
        expect(results.flatMap((r) => r.recipients)).toEqual(everyone);
        expect(new Set(mails.map((m) => m.mail.messageId)).size).toBe(3);
      }),
    );

    it(
      'reports recipients that are not addresses as a DATA result and delivers to the rest',
      { timeout: 60_000 },
      withFixture(async (fx) => {
        const results = await fx.mailer.send({
          to: ['ann@example.org', 'not an address', 'bob@'],
          subject: 's',
          text: 't',
        });
        const failed = results.filter((r) => !r.ok);
        expect(failed).toHaveLength(1);
        expect(failed[0]?.recipients).toEqual(['not an address', 'bob@']);
        if (failed[0] && !failed[0].ok) expect(failed[0].error.code).toBe('DATA');
        expect(results.filter((r) => r.ok).flatMap((r) => r.recipients)).toEqual([
          'ann@example.org',
        ]);
        const [got] = await fx.delivered(1);
        expect(got?.recipients).toEqual(['ann@example.org']);
      }),
    );

    it(
      "uses the message's own sender when given, and sends nothing for no recipients",
      { timeout: 60_000 },
      withFixture(async (fx) => {
        expect(await fx.mailer.send({ to: [], subject: 's', text: 't' })).toEqual([]);
        expect(await fx.deliveredCount()).toBe(0);
        await fx.mailer.send({
          from: 'Робот <robot@example.org>',
          to: ['ann@example.org'],
          subject: 's',
          text: 't',
        });
        const [got] = await fx.delivered(1);
        expect(got?.mail.from?.value[0]).toEqual({ address: 'robot@example.org', name: 'Робот' });
      }),
    );
  });
}
