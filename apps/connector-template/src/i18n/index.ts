import { defineMessages } from '@toolbelt/errors';
import { en } from './en.js';
import { ru } from './ru.js';

/** The messages of connector-template: its errors, log lines, prompts and output words. */
export const messages = defineMessages('connector-template', { en, ru });

export { en, ru };

/**
 * Catalogs of packages whose errors are not yet made by their own catalog (`db`): the
 * commands register them so that such errors still show in the user's language.
 */
export { dbCatalog } from '@toolbelt/db';
