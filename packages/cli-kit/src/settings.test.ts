import { commonMessages } from '@toolbelt/errors';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkSettings, settingProblem, settingsError } from './settings.js';

const schema = z.object({
  ITRESUME_CLIENT: z.string().min(1),
  ITRESUME_RETRIES: z.coerce.number().int().min(0).default(4),
  MODE: z.enum(['fast', 'safe']).default('safe'),
});

const en = (texts: { en: string }[]): string[] => texts.map((t) => t.en);
const ru = (texts: { ru: string }[]): string[] => texts.map((t) => t.ru);

describe('checkSettings', () => {
  it('returns the typed settings, frozen, and no problem', () => {
    const { settings, problems } = checkSettings(schema, {
      ITRESUME_CLIENT: 'acme',
      ITRESUME_RETRIES: '2',
    });
    expect(problems).toEqual([]);
    expect(settings).toEqual({ ITRESUME_CLIENT: 'acme', ITRESUME_RETRIES: 2, MODE: 'safe' });
    expect(Object.isFrozen(settings)).toBe(true);
  });

  it('reports every problem at once, in English and Russian, with the value as written', () => {
    const { settings, problems } = checkSettings(schema, { ITRESUME_RETRIES: 'two', MODE: 'x' });
    expect(settings).toBeUndefined();
    expect(en(problems)).toEqual([
      'ITRESUME_CLIENT: required but not set',
      'ITRESUME_RETRIES: must be a number, got "two"',
      'MODE: must be one of fast, safe, got "x"',
    ]);
    expect(ru(problems)).toEqual([
      'ITRESUME_CLIENT: обязателен, но не задан',
      'ITRESUME_RETRIES: должен быть числом, получено «two»',
      'MODE: должен быть одним из fast, safe, получено «x»',
    ]);
  });

  it('words each kind of zod issue through the common catalog', () => {
    const kinds = z
      .object({
        count: z.coerce.number().int(),
        low: z.coerce.number().min(1),
        high: z.coerce.number().max(5),
        positive: z.coerce.number().positive(),
        name: z.string().min(1),
        code: z.string().min(3).max(4),
        code2: z.string().max(2),
        list: z.array(z.string()).min(2),
        url: z.url(),
        mail: z.email(),
        digits: z.string().regex(/^\d+$/),
        flag: z.boolean(),
      })
      .strict();
    const { problems } = checkSettings(
      kinds,
      {
        count: '1.5',
        low: '0',
        high: '9',
        positive: '0',
        name: '',
        code: 'ab',
        code2: 'abc',
        list: ['a'],
        url: 'not a url',
        mail: 'ann@',
        digits: 'x1',
        flag: 'yes',
        extra: 1,
      },
      { names: { count: '--count' } },
    );
    expect(en(problems)).toEqual([
      '--count: must be an integer, got "1.5"',
      'low: must be at least 1, got "0"',
      'high: must be at most 5, got "9"',
      'positive: must be more than 0, got "0"',
      'name: must not be empty',
      'code: must be at least 3 characters long',
      'code2: must be at most 2 characters long',
      'list: must list at least 2 items',
      'url: not a URL: "not a url"',
      'mail: "ann@" is not an e-mail address',
      'digits: "x1" does not have the expected form',
      'flag: must be true or false',
      '(settings): unknown settings extra',
    ]);
    expect(ru(problems)[11]).toBe('flag: должен быть true или false');
    for (const problem of problems) expect(problem.ru).toMatch(/[а-яё]/i);
  });

  it('treats blank values as unset when asked (a `.env` line `NAME=`)', () => {
    const raw = { ITRESUME_CLIENT: '', ITRESUME_RETRIES: ' 2 ', MODE: ' ' };
    expect(en(checkSettings(schema, raw).problems)).toEqual([
      'ITRESUME_CLIENT: must not be empty',
      'MODE: must be one of fast, safe, got " "',
    ]);
    expect(en(checkSettings(schema, raw, { blankAsUnset: true }).problems)).toEqual([
      'ITRESUME_CLIENT: required but not set',
    ]);
    expect(
      checkSettings(schema, { ...raw, ITRESUME_CLIENT: ' acme ' }, { blankAsUnset: true }).settings,
    ).toEqual({ ITRESUME_CLIENT: 'acme', ITRESUME_RETRIES: 2, MODE: 'safe' });
  });

  it('never shows the value of a secret-named setting', () => {
    const secret = z.object({ SMTP_PASSWORD: z.string().min(8), API_TOKEN: z.url() });
    const { problems } = checkSettings(secret, { SMTP_PASSWORD: 'hunter2', API_TOKEN: 'tok-1' });
    expect(en(problems)).toEqual([
      'SMTP_PASSWORD: must be at least 8 characters long',
      'API_TOKEN: not a URL: "***"',
    ]);
    expect(JSON.stringify(problems)).not.toContain('tok-1');
  });

  it('reports a refinement in its own words, in every language', () => {
    const texts = { en: 'MAIL_TO: give one address', ru: 'MAIL_TO: укажите один адрес' };
    const refined = z.object({
      MAIL_TO: z.string().refine((v) => !v.includes(','), settingProblem(texts)),
    });
    expect(checkSettings(refined, { MAIL_TO: 'a@x.org,b@x.org' }).problems).toEqual([texts]);
    expect(checkSettings(refined, { MAIL_TO: 'a@x.org' }).problems).toEqual([]);
  });
});

describe('settingsError', () => {
  it('is the CONFIG error (78) listing every problem, with the fix line', () => {
    const { problems } = checkSettings(schema, {});
    const error = settingsError(problems, 'prod.env');
    expect(error.exitCode).toBe(78);
    expect(error.key).toBe('common:errors.config');
    expect(error.problems).toEqual(['ITRESUME_CLIENT: required but not set']);
    expect(error.localized('ru')).toEqual({
      message: commonMessages.format('ru', 'errors.config'),
      problems: ['ITRESUME_CLIENT: обязателен, но не задан'],
      hint: 'Задайте переменные в окружении или в prod.env, либо передайте указанные флаги.',
    });
  });
});
