/**
 * The two workbooks' layout, as the original tool used it. Column indexes are 0-based.
 */

/** The 13 fields the MOT shares with the tracker, in tracker column order (B..N). */
export const SHARED_FIELDS = [
  'job_candidate_id',
  'First Name',
  'Last Name',
  'Personal Email',
  'Work Location',
  'Pay Location',
  'Start Date',
  'Title',
  'Former or Current KIPP',
  'New, Returners, Rehire or Transfer',
  'SpEd',
  'Cleared?',
  'Cleared Email Sent',
] as const;

export type SharedField = (typeof SHARED_FIELDS)[number];

/** Columns the sync stamps itself (O..S), after the shared fields. */
export const STAMP_FIELDS = [
  'Rescinded',
  'Date Added',
  'Start Date - Last Updated',
  'Pay Location - Last Updated',
  'Main Last Updated',
] as const;

/** Headers of columns B..S of the tracker (row 4). */
export const TRACKER_HEADERS: readonly string[] = [...SHARED_FIELDS, ...STAMP_FIELDS];

/** Positions inside a tracker row's `cells` (column B is 0). */
export const COL = {
  id: 0,
  payLocation: SHARED_FIELDS.indexOf('Pay Location'),
  startDate: SHARED_FIELDS.indexOf('Start Date'),
  rescinded: SHARED_FIELDS.length,
  dateAdded: SHARED_FIELDS.length + 1,
  startDateUpdated: SHARED_FIELDS.length + 2,
  payLocationUpdated: SHARED_FIELDS.length + 3,
  mainLastUpdated: SHARED_FIELDS.length + 4,
} as const;

/** Fields whose change the Tech team must see: each has its own `- Last Updated` stamp. */
export const KEY_FIELDS = [
  { field: 'Start Date', index: COL.startDate, stamp: COL.startDateUpdated },
  { field: 'Pay Location', index: COL.payLocation, stamp: COL.payLocationUpdated },
] as const;

/** Columns of `cells` holding dates (`YYYY-MM-DD`). */
export const DATE_COLUMNS: ReadonlySet<number> = new Set([
  COL.startDate,
  COL.dateAdded,
  COL.startDateUpdated,
  COL.payLocationUpdated,
  COL.mainLastUpdated,
]);

/** Value of `Rescinded` for a live offer. */
export const NOT_RESCINDED = '--';

/** Default MOT column of each shared field (0-based), as in the original. */
export const DEFAULT_MOT_COLUMNS: Readonly<Record<SharedField, number>> = {
  job_candidate_id: 3,
  'First Name': 4,
  'Last Name': 5,
  'Personal Email': 19,
  'Work Location': 7,
  'Pay Location': 8,
  'Start Date': 9,
  Title: 13,
  'Former or Current KIPP': 16,
  'New, Returners, Rehire or Transfer': 1,
  SpEd: 15,
  'Cleared?': 50,
  'Cleared Email Sent': 51,
};

/** MOT rows 1-2 are headers; data starts on row 3. */
export const MOT_HEADER_ROWS = 2;
/** Tracker: A2 holds the stamp, row 4 the headers (from column B), data from B5. */
export const TRACKER_STAMP_ROW = 1;
export const TRACKER_HEADER_ROW = 3;
export const TRACKER_FIRST_DATA_ROW = 4;
/** Tracker data starts in column B. */
export const TRACKER_FIRST_COLUMN = 1;
/** Cleared tab: ids in column B from row 2. */
export const CLEARED_RANGE = 'B2:B';

/** Tab names of a school year (`23-24`). */
export function tabNames(schoolYear: string): { mot: string; cleared: string; tracker: string } {
  return {
    mot: `Master_${schoolYear}`,
    cleared: `${schoolYear} Cleared`,
    tracker: `${schoolYear} Tracker`,
  };
}
