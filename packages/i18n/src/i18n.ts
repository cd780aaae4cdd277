import i18next from 'i18next';
import type { Bilingual } from './catalog.js';
import { common } from './common.js';
import type { Language } from './languages.js';

/**
 * The one translate function type of Toolbelt: a key (`ns:key` or a key of the default
 * namespace) and its parameters -> the text in the language the function was made for.
 */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface I18n {
  readonly lang: Language;
  /** `t('ns:key', params)`; the default namespace is the app's own. */
  readonly t: Translate;
  /** Same key in a given language (e.g. the e-mail language differs from the console). */
  tIn(lang: Language, key: string, params?: Record<string, unknown>): string;
  /** Whether `key` has a text (in `lang`, default the function's language, or English). */
  has(key: string, lang?: Language): boolean;
}

export interface I18nOptions {
  lang: Language;
  /** Namespaces of the app (e.g. `{ 'learning-etl': catalog }`); `common` is always added. */
  namespaces?: Record<string, Bilingual>;
  /** Namespace used when a key has no `ns:` prefix (default: the first of `namespaces`, else common). */
  defaultNamespace?: string;
}

/** A private i18next instance (no globals), initialised synchronously. */
export function createI18n(options: I18nOptions): I18n {
  const namespaces: Record<string, Bilingual> = { common, ...options.namespaces };
  const resources: Record<Language, Record<string, unknown>> = { en: {}, ru: {} };
  for (const [ns, pair] of Object.entries(namespaces)) {
    resources.en[ns] = pair.en;
    resources.ru[ns] = pair.ru;
  }
  const defaultNS =
    options.defaultNamespace ?? Object.keys(options.namespaces ?? {})[0] ?? 'common';
  const instance = i18next.createInstance();
  void instance.init({
    lng: options.lang,
    fallbackLng: 'en',
    supportedLngs: ['en', 'ru'],
    ns: Object.keys(namespaces),
    defaultNS,
    fallbackNS: 'common',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<typeof instance.init>[0]);
  // i18next types a text as string or object (returnObjects); we never ask for objects.
  const text = (value: unknown): string =>
    typeof value === 'string' ? value : JSON.stringify(value);
  const t: Translate = (key, params) => text(instance.t(key, params as never));
  const fixed = { en: instance.getFixedT('en'), ru: instance.getFixedT('ru') };
  return {
    lang: options.lang,
    t,
    tIn: (lang, key, params) => text(fixed[lang](key, params as never)),
    has: (key, lang) => instance.exists(key, lang === undefined ? undefined : { lng: lang }),
  };
}
