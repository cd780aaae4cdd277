import { defineMessages } from '@toolbelt/errors';
import { en } from './en.js';
import { ru } from './ru.js';

/** The texts of `@toolbelt/lock` (namespace `lock`): its errors and its waiting log line. */
export const messages = defineMessages('lock', { en, ru });

export { en, ru };
