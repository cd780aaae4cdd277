import { defineMessages } from '@toolbelt/errors';
import { en } from './en.js';
import { ru } from './ru.js';

/** The messages of tech-tracker (namespace `tech-tracker`), from which its errors are made. */
export const messages = defineMessages('tech-tracker', { en, ru });

/** A key of the tech-tracker catalog (`problems.today`). */
export type TechTrackerKey = Parameters<typeof messages.text>[0];

export { helpEn, helpRu } from './help.js';
