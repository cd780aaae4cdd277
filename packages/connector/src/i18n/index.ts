import { defineMessages } from '@toolbelt/errors';
import { en } from './en.js';
import { ru } from './ru.js';

/** Every text the SDK prints, writes to log rows or raises as an error (namespace `connector`). */
export const messages = defineMessages('connector', { en, ru });

export { en, ru };
