import { describe, expect, it } from 'vitest';
import { commonMessages, configError } from './index.js';

describe('configError', () => {
  it('lists every problem in each language, with the fix line naming the .env file', () => {
    const problems = [
      commonMessages.text('problems.required', { name: 'ITRESUME_CLIENT' }),
      'SMTP: the library said no',
    ];
    const error = configError(problems, 'prod.env');
    expect(error.code).toBe('CONFIG');
    expect(error.exitCode).toBe(78);
    expect(error.key).toBe('common:errors.config');
    expect(error.message).toBe('Configuration is missing or invalid:');
    expect(error.problems).toEqual([
      'ITRESUME_CLIENT: required but not set',
      'SMTP: the library said no',
    ]);
    expect(error.localized('ru')).toEqual({
      message: 'Настройки отсутствуют или неверны:',
      problems: ['ITRESUME_CLIENT: обязателен, но не задан', 'SMTP: the library said no'],
      hint: 'Задайте переменные в окружении или в prod.env, либо передайте указанные флаги.',
    });
  });

  it('leaves the fix line to the entry point when the file is not known', () => {
    const error = configError([commonMessages.text('problems.empty', { name: 'MAIL_TO' })]);
    expect(error.hint).toBeUndefined();
    expect(error.localized('en')).toEqual({
      message: 'Configuration is missing or invalid:',
      problems: ['MAIL_TO: must not be empty'],
      hint: undefined,
    });
  });
});
