import { defineMessages } from '@toolbelt/errors';
import { en } from './en.js';
import { ru } from './ru.js';

/** The messages of support-rota, English and Russian; its errors are made from them. */
export const messages = defineMessages('support-rota', { en, ru });

export { helpRu } from './help.js';
