import {
  common,
  compareCatalogs,
  createI18n,
  type Bilingual,
  type Catalog,
  type I18n,
  type Language,
  type Translate,
} from '@toolbelt/i18n';
import {
  ToolbeltError,
  isToolbeltError,
  type ErrorCode,
  type Texts,
  type ToolbeltErrorOptions,
} from './toolbelt-error.js';

type PluralForm = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type WithoutPlural<K extends string> = K extends `${infer Base}_${PluralForm}` ? Base : K;

/**
 * The keys of a catalog, as dotted paths to its texts (`errors.tabMissing`); plural forms
 * (`days_one`, `days_other`) are one key (`days`), as i18next reads them.
 */
export type MessageKey<C> = string extends keyof C
  ? string
  : {
      [K in keyof C & string]: C[K] extends string ? WithoutPlural<K> : `${K}.${MessageKey<C[K]>}`;
    }[keyof C & string];

/**
 * Parameters of a message: `{{name}}` values, `count` for plurals. A value may itself be a
 * text in every language (`Texts`, e.g. what was done before Ctrl-C): each language gets its own.
 */
export type MessageParams = Record<string, unknown>;

function isTexts(value: unknown): value is Texts {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Partial<Record<string, unknown>>;
  return typeof v.en === 'string' && typeof v.ru === 'string' && Object.keys(v).length === 2;
}

/** The parameters for one language: `Texts` values become that language's text. */
function paramsIn(lang: Language, params: MessageParams | undefined): MessageParams | undefined {
  if (params === undefined || !Object.values(params).some(isTexts)) return params;
  const out: MessageParams = {};
  for (const [name, value] of Object.entries(params))
    out[name] = isTexts(value) ? value[lang] : value;
  return out;
}

/** What an error has besides its code, key and parameters. */
export interface ErrorExtras {
  /** The original error (a library's, the system's): logs and `--json` `cause`, never the message. */
  cause?: unknown;
  /** What to do about it: a text of a catalog (`messages.text(...)`), or English only. */
  hint?: Texts | string;
  /** Several problems at once, each a text of a catalog (or English only). */
  problems?: readonly (Texts | string)[];
}

/** The messages of one package or app, in every language, and the errors made from them. */
export interface Messages<C extends Catalog> {
  /** The i18n namespace (`google`, `tech-tracker`): keys are `namespace:key` in i18next. */
  readonly namespace: string;
  /** Both languages, for `createI18n({ namespaces })` and catalog tests. */
  readonly catalog: Bilingual;
  /** The text of `key` in every language. */
  text(key: MessageKey<C>, params?: MessageParams): Texts;
  /** The text of `key` in one language. */
  format(lang: Language, key: MessageKey<C>, params?: MessageParams): string;
  /**
   * A translate function for one language, over this namespace (keys without a prefix) and
   * `common` (`common:...`).
   */
  translator(lang: Language): Translate;
  /** An error of `code` whose message is `key`: English `message`, every language in `texts`. */
  error(
    code: ErrorCode,
    key: MessageKey<C>,
    params?: MessageParams,
    extras?: ErrorExtras,
  ): ToolbeltError;
  /** Keys missing in one language or plural forms missing (empty when the catalog is whole). */
  problems(): string[];
}

/**
 * Defines the messages of a package or app once, in English and Russian. Errors are raised
 * through it (`messages.error('DATA', 'errors.tabMissing', { tab, file })`) and carry their
 * key, parameters and texts, so every entry point shows them in the user's language with no
 * registration. Texts may use i18next features: `{{name}}`, plurals (`_one`/`_few`/...),
 * nesting (`$t(common:errors.seeHelp)`).
 */
export function defineMessages<const C extends Catalog>(
  namespace: string,
  catalog: { en: C; ru: Catalog },
): Messages<C> {
  const pair: Bilingual = { en: catalog.en, ru: catalog.ru };
  // Made on first use, one for both languages: defining a catalog costs nothing at start-up.
  let shared: I18n | undefined;
  const instance = (): I18n =>
    (shared ??= createI18n({
      lang: 'en',
      namespaces: namespace === 'common' ? {} : { [namespace]: pair },
      defaultNamespace: namespace,
    }));
  const format = (lang: Language, key: string, params?: MessageParams): string => {
    const i18n = instance();
    const full = `${namespace}:${key}`;
    if (!i18n.has(full, lang) && !i18n.has(`${full}_other`, lang))
      throw new Error(`message ${full} is not in the ${namespace} catalog`);
    return i18n.tIn(lang, full, paramsIn(lang, params));
  };
  const text = (key: string, params?: MessageParams): Texts => ({
    en: format('en', key, params),
    ru: format('ru', key, params),
  });
  return {
    namespace,
    catalog: pair,
    text,
    format,
    translator: (lang) => {
      const i18n = instance();
      return (key, params) => i18n.tIn(lang, key, params);
    },
    error(code, key, params = {}, extras = {}) {
      const texts = text(key, params);
      const options: ToolbeltErrorOptions = {
        key: `${namespace}:${key}`,
        params,
        texts,
        cause: extras.cause,
        hint: extras.hint,
        problems: extras.problems,
      };
      return new ToolbeltError(code, texts.en, options);
    },
    problems: () => compareCatalogs(pair),
  };
}

/** The `common` messages every Toolbelt CLI shares (flag mistakes, Ctrl-C, internal errors). */
export const commonMessages = defineMessages('common', common);

/** Anything thrown that is not a ToolbeltError is a bug: INTERNAL, original kept as cause. */
export function toToolbeltError(value: unknown): ToolbeltError {
  if (isToolbeltError(value)) return value;
  const message = value instanceof Error ? value.message : String(value);
  return commonMessages.error('INTERNAL', 'errors.internalNoLog', { message }, { cause: value });
}

/** What a ToolbeltError carries, as plain data: to send it to another process and back. */
export interface ToolbeltErrorData {
  code: ErrorCode;
  message: string;
  key?: string | undefined;
  params?: Record<string, unknown>;
  texts?: Texts | undefined;
  hint?: Texts | string | undefined;
  problems?: readonly (Texts | string)[];
}

/** The error as plain data (structured-clone and JSON safe; no cause, no stack). */
export function toErrorData(error: ToolbeltError): ToolbeltErrorData {
  const en = error.localized('en');
  const ru = error.localized('ru');
  return {
    code: error.code,
    message: error.message,
    key: error.key,
    params: error.params,
    texts: error.texts,
    hint: en.hint === undefined ? undefined : { en: en.hint, ru: ru.hint ?? en.hint },
    problems: en.problems.map((p, i) => ({ en: p, ru: ru.problems[i] ?? p })),
  };
}

/** The same error again, from `toErrorData` in another process: code, key, texts and all. */
export function fromErrorData(data: ToolbeltErrorData): ToolbeltError {
  return new ToolbeltError(data.code, data.message, {
    key: data.key,
    params: data.params,
    texts: data.texts,
    hint: data.hint,
    problems: data.problems,
  });
}
