import { defineMessages } from '@toolbelt/errors';
import { en } from './en.js';
import { ru } from './ru.js';

/** Every text the Schoology client raises or logs (namespace `schoology`). */
export const messages = defineMessages('schoology', { en, ru });

export { en, ru };
