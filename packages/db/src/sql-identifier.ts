import { messages } from './i18n/index.js';

/** Quote one identifier so any name (case, spaces, quotes) reaches PostgreSQL as written. */
export function quoteIdentifier(name: string): string {
  if (name === '' || name.includes('\0')) {
    throw messages.error('USAGE', 'errors.identifier', { name: JSON.stringify(name) });
  }
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quote `table` or `schema.table`. */
export function quoteQualifiedName(name: string): string {
  return name.split('.').map(quoteIdentifier).join('.');
}
