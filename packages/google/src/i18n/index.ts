import { defineMessages } from '@toolbelt/errors';
import { en } from './en.js';
import { ru } from './ru.js';

/** The messages of `@toolbelt/google` (namespace `google`). */
export const messages = defineMessages('google', { en, ru });

export { en, ru };
