import type { ToolbeltError } from '@toolbelt/errors';
import { messages } from './i18n/index.js';

/** DATA: tabs that a workbook (Google or .xlsx) does not have, with the ones it has. */
export function tabMissingError(
  missing: readonly string[],
  existing: readonly string[],
  location: string,
): ToolbeltError {
  return messages.error('DATA', 'errors.tabMissing', {
    missing: missing.join(', '),
    existing: existing.join(', ') || '-',
    location,
  });
}

/** USAGE: an A1 range that is not one. */
export function badRangeError(range: string, tab: string): ToolbeltError {
  return messages.error('USAGE', 'errors.badRange', { range, tab });
}
