import { describe, expect, it } from 'vitest';
import {
  common,
  compareCatalogs,
  createI18n,
  detectLanguage,
  langFromArgv,
  type Bilingual,
} from './index.js';

describe('detectLanguage', () => {
  it('prefers --lang, then TOOLBELT_LANG, LC_ALL, LANG, then en', () => {
    expect(detectLanguage('ru', { TOOLBELT_LANG: 'en' })).toBe('ru');
    expect(detectLanguage(undefined, { TOOLBELT_LANG: 'ru', LANG: 'en_US.UTF-8' })).toBe('ru');
    expect(detectLanguage(undefined, { LC_ALL: 'ru_RU.UTF-8', LANG: 'en_US.UTF-8' })).toBe('ru');
    expect(detectLanguage(undefined, { LANG: 'ru_RU.UTF-8' })).toBe('ru');
    expect(detectLanguage(undefined, { LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(detectLanguage(undefined, { LC_ALL: 'C' })).toBe('en');
    expect(detectLanguage(undefined, {})).toBe('en');
  });

  it('reads --lang from raw argv', () => {
    expect(langFromArgv(['run', '--lang', 'ru'])).toBe('ru');
    expect(langFromArgv(['--lang=en', '--help'])).toBe('en');
    expect(langFromArgv(['--help'])).toBeUndefined();
  });
});

describe('createI18n', () => {
  const app: Bilingual = {
    en: { hello: 'Hello {{name}}', rows_one: '{{count}} row', rows_other: '{{count}} rows' },
    ru: {
      hello: 'Привет, {{name}}',
      rows_one: '{{count}} строка',
      rows_few: '{{count}} строки',
      rows_many: '{{count}} строк',
      rows_other: '{{count}} строки',
    },
  };

  it('translates app and common keys in the chosen language', () => {
    const i18n = createI18n({ lang: 'ru', namespaces: { app } });
    expect(i18n.t('hello', { name: 'Аня' })).toBe('Привет, Аня');
    expect(i18n.t('common:help.headings.USAGE')).toBe('ИСПОЛЬЗОВАНИЕ');
    expect(i18n.tIn('en', 'hello', { name: 'Ann' })).toBe('Hello Ann');
  });

  it('uses Russian plural forms one/few/many', () => {
    const { t } = createI18n({ lang: 'ru', namespaces: { app } });
    expect(t('rows', { count: 1 })).toBe('1 строка');
    expect(t('rows', { count: 3 })).toBe('3 строки');
    expect(t('rows', { count: 5 })).toBe('5 строк');
    expect(t('rows', { count: 21 })).toBe('21 строка');
    expect(t('rows', { count: 12 })).toBe('12 строк');
    const en = createI18n({ lang: 'en', namespaces: { app } });
    expect(en.t('rows', { count: 1 })).toBe('1 row');
    expect(en.t('rows', { count: 5 })).toBe('5 rows');
  });

  it('keeps two instances independent', () => {
    const a = createI18n({ lang: 'en', namespaces: { app } });
    const b = createI18n({ lang: 'ru', namespaces: { app } });
    expect(a.t('hello', { name: 'x' })).toBe('Hello x');
    expect(b.t('hello', { name: 'x' })).toBe('Привет, x');
  });
});

describe('compareCatalogs', () => {
  it('finds the common catalog complete', () => {
    expect(compareCatalogs(common)).toEqual([]);
  });

  it('reports missing keys and plural forms', () => {
    const problems = compareCatalogs({
      en: { a: 'x', n_one: 'one', n_other: 'other', only: { en: 'y' } },
      ru: { a: 'x', n_one: 'один', n_other: 'другое' },
    });
    expect(problems).toContain('missing in ru: only.en');
    expect(problems).toContain('plural form missing in ru: n_few');
    expect(problems).toContain('plural form missing in ru: n_many');
  });
});
