import { defineMessages } from '@toolbelt/errors';
import { en } from './en.js';
import { ru } from './ru.js';

/** The messages of job-runner, English and Russian; its errors are made from them. */
export const messages = defineMessages('job-runner', { en, ru });

export { helpRu } from './help.js';
