import { defineMessages } from '@toolbelt/errors';
import { en } from './en.js';
import { ru } from './ru.js';

/** The messages of `@toolbelt/etl` (namespace `etl`). */
export const messages = defineMessages('etl', { en, ru });

export { en, ru };
