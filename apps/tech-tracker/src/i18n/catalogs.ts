import type { Bilingual } from '@toolbelt/i18n';
import { en } from './en.js';
import { ru } from './ru.js';

/** The app's namespace, registered as the command's default. */
export const techTrackerCatalog: Bilingual = { en, ru };
