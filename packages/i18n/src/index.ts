export { createI18n } from './i18n.js';
export type { I18n, I18nOptions, Translate } from './i18n.js';
export { catalogKeys, compareCatalogs, flattenCatalog } from './catalog.js';
export type { Bilingual, Catalog } from './catalog.js';
export { common } from './common.js';
export type { Env } from './env.js';
export {
  detectLanguage,
  isLanguage,
  langFromArgv,
  languageFromLocale,
  languages,
} from './languages.js';
export type { Language } from './languages.js';
