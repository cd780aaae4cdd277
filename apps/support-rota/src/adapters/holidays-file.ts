import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { inputFileError } from '@toolbelt/cli-kit';
import type { ErrorCode, ToolbeltError } from '@toolbelt/errors';
import { addDays, isIsoDate, type IsoDate } from '@toolbelt/dates';
import { bundledHolidays } from '../core/england-and-wales.js';
import { messages } from '../i18n/index.js';

type Malformed = 'notJson' | 'notList' | 'notDate' | 'notIcs';

/** DATA (65): the holidays file is not what it should be; `value` is the bad entry. */
function malformed(path: string, why: Malformed, cause?: unknown, value?: unknown): ToolbeltError {
  const params = { path, value: JSON.stringify(value) };
  return messages.error('DATA', `errors.holidaysMalformed.${why}`, params, { cause });
}

/** Dates of a JSON list: `["2025-01-01", ...]`, `[{ "date": ... }]`, or GOV.UK's bank-holidays.json. */
export function parseHolidaysJson(text: string, path: string): IsoDate[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw malformed(path, 'notJson', error);
  }
  // GOV.UK publishes { "england-and-wales": { "division": ..., "events": [{ "date": ... }] }, ... }.
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const record = data as Record<string, unknown>;
    const division = (record['england-and-wales'] ?? record) as { events?: unknown };
    data = division.events;
  }
  if (!Array.isArray(data)) throw malformed(path, 'notList');
  return data.map((item: unknown) => {
    const date = typeof item === 'string' ? item : (item as { date?: unknown } | null)?.date;
    if (typeof date !== 'string' || !isIsoDate(date))
      throw malformed(path, 'notDate', undefined, item);
    return date;
  });
}

/** Every day covered by the events of an iCalendar file (DTEND exclusive, as all-day events are written). */
export async function parseHolidaysIcs(text: string, path: string): Promise<IsoDate[]> {
  const ICAL = (await import('ical.js')).default;
  let component: InstanceType<typeof ICAL.Component>;
  try {
    // ical.js types its parse result as any: it is jCal, an array.
    component = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (error) {
    throw malformed(path, 'notIcs', error);
  }
  const dates: IsoDate[] = [];
  for (const vevent of component.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    if (!event.startDate) continue;
    const first = event.startDate.toString().slice(0, 10);
    const end = event.endDate ? event.endDate.toString().slice(0, 10) : addDays(first, 1);
    // A one-day event, or a timed one that ends the same day, covers its start date.
    for (let d = first; d < end || d === first; d = addDays(d, 1)) dates.push(d);
  }
  return dates;
}

/**
 * Holidays from a bundled list name (`england-and-wales`), a `.ics` file or a JSON list;
 * `resolvePath` turns a file name into a path (config-relative or cwd-relative). A file that
 * cannot be read is the common `cannot read <file>: <reason>` error, with `options.code`:
 * USAGE (64) for a file named by `--holidays` (the default), CONFIG (78) for one named in the
 * config file.
 */
export async function readHolidays(
  nameOrPath: string,
  resolvePath: (path: string) => string = (p) => p,
  options: { code?: ErrorCode } = {},
): Promise<Set<IsoDate>> {
  const bundled = bundledHolidays[nameOrPath];
  if (bundled) return new Set(bundled);
  const pathOrName = resolvePath(nameOrPath);
  let text: string;
  try {
    text = await readFile(pathOrName, 'utf8');
  } catch (error) {
    const code = options.code ?? 'USAGE';
    // A flag's file is shown as typed; a config file's as resolved (relative to the config).
    throw inputFileError(code === 'USAGE' ? nameOrPath : pathOrName, error, { code });
  }
  const ext = extname(pathOrName).toLowerCase();
  return new Set(
    ext === '.ics' || ext === '.ical'
      ? await parseHolidaysIcs(text, pathOrName)
      : parseHolidaysJson(text, pathOrName),
  );
}
