import type { Bilingual } from '@toolbelt/i18n';
import { messages } from './i18n/index.js';

/**
 * The `notify` texts in both languages, for apps that still register them with
 * `createI18n({ namespaces: { notify: notifyCatalog } })`. Errors of this package carry
 * their texts, so nothing needs registering: prefer `messages` and `problemTexts`.
 */
export const notifyCatalog: Bilingual = messages.catalog;
