import { defineMessages } from '@toolbelt/errors';
import { en } from './en.js';
import { ru } from './ru.js';

/** The texts of `@toolbelt/lock` (namespace `lock`): its errors and its waiting log line. */
export const messages = defineMessages('lock', { en, ru });

/**
 * @deprecated Errors of this package carry their texts; register nothing. Kept while apps
 * still print `lock:waiting` through their own i18n: use
 * `lockMessages.format(lang, 'log.waiting', ...)` instead.
 */
export const lockCatalog = {
  en: { ...en, waiting: en.log.waiting },
  ru: { ...ru, waiting: ru.log.waiting },
};

export { en, ru };
