import { defineMessages } from '@toolbelt/errors';
import { en } from './en.js';
import { ru } from './ru.js';

/** The texts of `@toolbelt/db` (namespace `db`): its errors and its waiting log line. */
export const messages = defineMessages('db', { en, ru });

/**
 * @deprecated Errors of this package carry their texts; register nothing. Kept while apps
 * print `db:waiting` through their own i18n: use `dbMessages.format(lang, 'log.waiting', ...)`.
 */
export const dbCatalog = {
  en: { ...en, waiting: en.log.waiting },
  ru: { ...ru, waiting: ru.log.waiting },
};

export { en, ru };
