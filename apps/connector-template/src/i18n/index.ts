import { defineMessages } from '@toolbelt/errors';
import { en } from './en.js';
import { ru } from './ru.js';

/** The messages of connector-template: its errors, log lines, prompts and output words. */
export const messages = defineMessages('connector-template', { en, ru });

export { en, ru };
