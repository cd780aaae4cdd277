import { defineMessages } from '@toolbelt/errors';
import { en } from './en.js';
import { ru } from './ru.js';

/** Every text testkit raises as an error (namespace `testkit`). */
export const messages = defineMessages('testkit', { en, ru });

export { en, ru };
