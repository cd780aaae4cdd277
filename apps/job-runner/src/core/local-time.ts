/**
 * `2026-12-01 09:47:32` in a time zone (the machine's when undefined): the form a table
 * shows, sortable and the same in every language.
 */
export function toLocalDateTime(at: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone: timeZone || undefined,
  }).format(at);
}
