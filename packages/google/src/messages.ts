import type { Bilingual } from '@toolbelt/i18n';
import { messages } from './i18n/index.js';

/**
 * The `google` texts in both languages, for apps that still register them
 * (`static catalogs`). Errors of this package carry their texts: nothing needs registering.
 */
export const googleCatalog: Bilingual = messages.catalog;
