import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  commonMessages,
  defineMessages,
  fromErrorData,
  toErrorData,
  toToolbeltError,
  type MessageKey,
} from './index.js';

const messages = defineMessages('sample', {
  en: {
    errors: { tabMissing: 'Tab {{tab}} not found in {{file}}.', fix: 'Add the tab.' },
    days_one: '{{count}} day',
    days_other: '{{count}} days',
    nested: 'see: $t(common:errors.seeHelp)',
  },
  ru: {
    errors: { tabMissing: 'Лист {{tab}} не найден в {{file}}.', fix: 'Добавьте лист.' },
    days_one: '{{count}} день',
    days_few: '{{count}} дня',
    days_many: '{{count}} дней',
    days_other: '{{count}} дня',
    nested: 'см.: $t(common:errors.seeHelp)',
  },
});

describe('defineMessages', () => {
  it('makes errors with an English message and the texts of every language', () => {
    const cause = new Error('library words');
    const error = messages.error(
      'DATA',
      'errors.tabMissing',
      { tab: 'Master_24-25', file: 'a.xlsx' },
      { cause, hint: messages.text('errors.fix'), problems: [messages.text('days', { count: 5 })] },
    );
    expect(error.code).toBe('DATA');
    expect(error.exitCode).toBe(65);
    expect(error.message).toBe('Tab Master_24-25 not found in a.xlsx.');
    expect(error.key).toBe('sample:errors.tabMissing');
    expect(error.params).toEqual({ tab: 'Master_24-25', file: 'a.xlsx' });
    expect(error.cause).toBe(cause);
    expect(error.hint).toBe('Add the tab.');
    expect(error.problems).toEqual(['5 days']);
    expect(error.localized('ru')).toEqual({
      message: 'Лист Master_24-25 не найден в a.xlsx.',
      hint: 'Добавьте лист.',
      problems: ['5 дней'],
    });
    expect(JSON.stringify(error)).not.toContain('library words');
  });

  it('renders plurals and common nesting in each language', () => {
    expect(messages.text('days', { count: 1 })).toEqual({ en: '1 day', ru: '1 день' });
    expect(messages.format('ru', 'days', { count: 3 })).toBe('3 дня');
    expect(messages.format('en', 'nested')).toBe('see: See --help for usage.');
    expect(messages.format('ru', 'nested')).toBe('см.: Справка: --help.');
    expect(messages.translator('ru')('nested')).toBe('см.: Справка: --help.');
    expect(messages.translator('ru')('errors.fix')).toBe('Добавьте лист.');
    expect(messages.translator('en')('common:errors.prefix')).toBe('Error');
  });

  it('types keys against the catalog and refuses unknown ones at run time', () => {
    expectTypeOf<MessageKey<{ a: { b: string }; n_one: string; n_other: string }>>().toEqualTypeOf<
      'a.b' | 'n'
    >();
    // @ts-expect-error a key that is not in the catalog does not compile
    expect(() => messages.text('errors.nope')).toThrow(/sample:errors.nope/);
  });

  it('finds keys missing in one language', () => {
    expect(messages.problems()).toEqual([]);
    const broken = defineMessages('broken', { en: { a: 'a', b: 'b' }, ru: { a: 'а' } });
    expect(broken.problems()).toEqual(['missing in ru: b']);
    expect(commonMessages.problems()).toEqual([]);
  });

  it('keeps English-only parts English in every language', () => {
    const error = messages.error(
      'DATA',
      'errors.fix',
      {},
      { hint: 'run it again', problems: ['x'] },
    );
    expect(error.localized('ru')).toEqual({
      message: 'Добавьте лист.',
      hint: 'run it again',
      problems: ['x'],
    });
  });

  it('wraps what is not a ToolbeltError as INTERNAL in both languages', () => {
    const error = toToolbeltError(new TypeError('boom'));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toContain('boom');
    expect(error.localized('ru').message).toContain('Внутренняя ошибка: boom');
  });
});

describe('toErrorData / fromErrorData', () => {
  it('carries an error to another process and back, texts in every language included', () => {
    const error = messages.error(
      'DATA',
      'errors.tabMissing',
      { tab: 'T', file: 'f.xlsx' },
      { cause: new Error('x'), hint: messages.text('errors.fix'), problems: ['English only'] },
    );
    const data = structuredClone(toErrorData(error));
    const again = fromErrorData(data);
    expect(again.code).toBe('DATA');
    expect(again.message).toBe(error.message);
    expect(again.key).toBe('sample:errors.tabMissing');
    expect(again.params).toEqual({ tab: 'T', file: 'f.xlsx' });
    expect(again.localized('ru')).toEqual(error.localized('ru'));
    expect(again.localized('en')).toEqual(error.localized('en'));
    expect(again.cause).toBeUndefined();
  });
});

describe('parameters in every language', () => {
  it('gives each language its own text of a Texts parameter', () => {
    const done = messages.text('days', { count: 3 });
    const error = commonMessages.error('CANCELLED', 'errors.cancelledDone', { done });
    expect(error.message).toBe('cancelled. 3 days');
    expect(error.localized('ru').message).toBe('прервано. 3 дня');
    expect(error.params).toEqual({ done });
  });
});
