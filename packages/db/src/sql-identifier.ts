import { ToolbeltError } from '@toolbelt/errors';

/** Quote one identifier so any name (case, spaces, quotes) reaches PostgreSQL as written. */
export function quoteIdentifier(name: string): string {
  if (name === '' || name.includes('\0')) {
    throw new ToolbeltError('USAGE', `Invalid SQL identifier ${JSON.stringify(name)}`);
  }
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quote `table` or `schema.table`. */
export function quoteQualifiedName(name: string): string {
  return name.split('.').map(quoteIdentifier).join('.');
}
