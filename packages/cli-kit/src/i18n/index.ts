/**
 * cli-kit's words are the `common` namespace of `@toolbelt/i18n` (flag mistakes, Ctrl-C, the
 * settings list, help headings), shared with every app's help: its errors are made by
 * `commonMessages`, here under the name every package uses.
 */
export { commonMessages as messages } from '@toolbelt/errors';
