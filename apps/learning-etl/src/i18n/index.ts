import { defineMessages } from '@toolbelt/errors';
import { en } from './en.js';
import { ru } from './ru.js';

/** The messages of learning-etl (namespace `learning-etl`), from which its errors are made. */
export const messages = defineMessages('learning-etl', { en, ru });

export { en, ru };
export { helpEn, helpRu } from './help.js';
