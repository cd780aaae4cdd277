import { defineMessages } from '@toolbelt/errors';
import { en } from './en.js';
import { ru } from './ru.js';

/** The texts of `@toolbelt/db` (namespace `db`): its errors and its waiting log line. */
export const messages = defineMessages('db', { en, ru });

export { en, ru };
