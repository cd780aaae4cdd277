import { DAY_MS, utcDate, utcMidnightOf, type IsoDate } from './calendar.js';

/**
 * Spreadsheet serial dates, 1900 date system: the number of days since 1899-12-30, so
 * 1 = 1899-12-31, 61 = 1900-03-01 and 25569 = 1970-01-01 (the fraction is the time of day).
 * Google Sheets and LibreOffice count this way throughout; Excel agrees from 1900-03-01
 * (serial 61) on, and below that counts one more day because it keeps Lotus 1-2-3's
 * 1900-02-29, a day that never was. Serial 60 is 1900-02-28 here.
 */
const EPOCH_MS = Date.UTC(1899, 11, 30);

/** The serial number of a date (`1970-01-01` -> 25569, `2024-10-02` -> 45567). */
export function toSerialDate(date: IsoDate): number {
  return Math.round((utcMidnightOf(date) - EPOCH_MS) / DAY_MS);
}

/** The date of a serial number; a fraction (the time of day) is dropped: 45567.99 -> 2024-10-02. */
export function fromSerialDate(serial: number): IsoDate {
  if (!Number.isFinite(serial)) throw new RangeError(`not a serial date: ${serial}`);
  return utcDate(EPOCH_MS + Math.floor(serial) * DAY_MS);
}

/**
 * The serial number of an instant, with the time of day as the fraction, read in UTC (a
 * workbook library decodes a serial to a Date the same way): `1970-01-01T12:00Z` -> 25569.5.
 */
export function serialOfInstant(instant: Date): number {
  return (instant.getTime() - EPOCH_MS) / DAY_MS;
}

/** The instant (UTC) of a serial number, to the millisecond: 25569.5 -> `1970-01-01T12:00Z`. */
export function instantOfSerial(serial: number): Date {
  if (!Number.isFinite(serial)) throw new RangeError(`not a serial date: ${serial}`);
  return new Date(EPOCH_MS + Math.round(serial * DAY_MS));
}
