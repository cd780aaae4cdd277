import { defineMessages } from '@toolbelt/errors';
import { en } from './en.js';
import { ru } from './ru.js';

/** The messages of `@toolbelt/notify` (namespace `notify`): its errors, setting problems and hints. */
export const messages = defineMessages('notify', { en, ru });

export { en, ru };
