import { pickPythonDictValues, toPythonText, type PythonValue } from './python-literal.js';

/** Length of a valid `lti_user_id` (the original's LENGTH_OF_USER_ID_FIELD). */
export const USER_ID_LENGTH = 32;

/** Keys read from `passback_params`, in table column order. */
export const PASSBACK_KEYS = [
  'oauth_consumer_key',
  'lis_result_sourcedid',
  'lis_outcome_service_url',
] as const;

/** Columns of `lms_activities`, in the order rows are loaded. */
export const ACTIVITY_COLUMNS = [
  'user_id',
  'created_at',
  ...PASSBACK_KEYS,
  'is_correct',
  'attempt_type',
] as const;

/** One row for `lms_activities`, in {@link ACTIVITY_COLUMNS} order. */
export type ActivityRow = readonly [
  userId: string,
  createdAt: string | null,
  oauthConsumerKey: string | null,
  lisResultSourcedid: string | null,
  lisOutcomeServiceUrl: string | null,
  isCorrect: boolean | null,
  attemptType: string | null,
];

/** Something wrong with an accepted record; the record is still loaded. */
export type Defect =
  /** A passback key (or another field) missing or null; an empty string is fine. */
  | { kind: 'missingField'; field: string }
  /** `submit` with null `is_correct`, or `run` with a non-null one (values as Python prints them). */
  | { kind: 'badCombination'; isCorrect: string; attemptType: string }
  /** A field with a value of the wrong shape (loaded as null). */
  | { kind: 'badValue'; field: string; value: string }
  /** `passback_params` is not a Python dict literal. */
  | { kind: 'badPassback'; reason: string };

/** Why a record is corrupt (not loaded). */
export type Rejection =
  /** No `lti_user_id` of exactly 32 characters. */
  | { accepted: false; reason: 'missingUserId' }
  /**
   * `created_at` missing, null, or not a real `YYYY-MM-DD HH:MM:SS[.ffffff]` (month 13, hour
   * 99...): without a time the record belongs to no day, and PostgreSQL would refuse it.
   */
  | { accepted: false; reason: 'badCreatedAt'; value: string }
  /** A value to be loaded holds a NUL character, which PostgreSQL text cannot store. */
  | { accepted: false; reason: 'nulCharacter'; field: string };

/** Outcome of checking one API record. */
export type RecordCheck = { accepted: true; row: ActivityRow; defects: Defect[] } | Rejection;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?$/;
const ATTEMPT_TYPES = new Set(['run', 'submit']);

/**
 * Check one record of the API's array as the original did: accepted only with an `lti_user_id`
 * of exactly 32 characters (code points, as Python's `len` counts); defects of accepted
 * records are listed, never thrown. Beyond the original, a record is also corrupt without a
 * valid `created_at` or with a NUL character in a value to be loaded, so that one bad record
 * never fails a day's load. Never throws, whatever the input (it is fuzzed).
 */
export function checkRecord(raw: unknown): RecordCheck {
  const record = isPlainObject(raw) ? raw : {};
  const userId = record['lti_user_id'];
  if (typeof userId !== 'string' || !hasCodePointLength(userId, USER_ID_LENGTH)) {
    return { accepted: false, reason: 'missingUserId' };
  }
  if (userId.includes('\u0000'))
    return { accepted: false, reason: 'nulCharacter', field: 'lti_user_id' };
  const createdRaw = record['created_at'];
  if (typeof createdRaw !== 'string' || !validTimestamp(createdRaw))
    return { accepted: false, reason: 'badCreatedAt', value: shortText(createdRaw ?? null) };
  const createdAt = createdRaw;
  const defects: Defect[] = [];

  const passback = readPassback(record['passback_params'], defects);
  const passbackValues: (string | null)[] = [null, null, null];
  for (let i = 0; i < PASSBACK_KEYS.length; i++) {
    const value = passback?.[i];
    if (value === undefined || value === null)
      defects.push({ kind: 'missingField', field: PASSBACK_KEYS[i] ?? '' });
    else {
      const text = toPythonText(value);
      if (text.includes('\u0000'))
        return { accepted: false, reason: 'nulCharacter', field: PASSBACK_KEYS[i] ?? '' };
      passbackValues[i] = text;
    }
  }

  const attemptRaw = record['attempt_type'];
  let attemptType: string | null = null;
  if (attemptRaw === undefined || attemptRaw === null)
    defects.push({ kind: 'missingField', field: 'attempt_type' });
  else if (typeof attemptRaw === 'string' && ATTEMPT_TYPES.has(attemptRaw))
    attemptType = attemptRaw;
  else defects.push({ kind: 'badValue', field: 'attempt_type', value: shortText(attemptRaw) });

  const correctRaw = record['is_correct'];
  let isCorrect: boolean | null = null;
  if (typeof correctRaw === 'boolean') isCorrect = correctRaw;
  else if (correctRaw !== undefined && correctRaw !== null)
    defects.push({ kind: 'badValue', field: 'is_correct', value: shortText(correctRaw) });

  if (
    (attemptType === 'submit' && isCorrect === null) ||
    (attemptType === 'run' && isCorrect !== null)
  ) {
    defects.push({ kind: 'badCombination', isCorrect: toPythonText(isCorrect), attemptType });
  }

  const row: ActivityRow = [
    userId,
    createdAt,
    passbackValues[0] ?? null,
    passbackValues[1] ?? null,
    passbackValues[2] ?? null,
    isCorrect,
    attemptType,
  ];
  return { accepted: true, row, defects };
}

/** The values of {@link PASSBACK_KEYS} in `passback_params` (undefined when unreadable). */
function readPassback(
  raw: unknown,
  defects: Defect[],
): readonly (PythonValue | undefined)[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (isPlainObject(raw)) {
    // Already an object: take it as is.
    const object = raw as Record<string, PythonValue>;
    return PASSBACK_KEYS.map((key) => object[key]);
  }
  if (typeof raw !== 'string') {
    defects.push({ kind: 'badPassback', reason: `not a string: ${shortText(raw)}` });
    return undefined;
  }
  try {
    return pickPythonDictValues(raw, PASSBACK_KEYS);
  } catch (error) {
    defects.push({
      kind: 'badPassback',
      reason: error instanceof Error ? error.message : String(error),
    });
    return undefined;
  }
}

/**
 * Length in code points, as Python's `len` counts a `str` (a lone surrogate is one, a pair is
 * one), not in UTF-16 units: `'f'.repeat(31) + '😀'` is 32.
 */
export function codePointLength(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

/**
 * `codePointLength(text) === n`, fast for the usual id: n UTF-16 units without a surrogate
 * pair (one regex test, ~8x quicker than counting).
 */
function hasCodePointLength(text: string, n: number): boolean {
  if (text.length < n || text.length > 2 * n) return false;
  if (text.length === n) return !SURROGATE_PAIR.test(text);
  return codePointLength(text) === n;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function shortText(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * True for `YYYY-MM-DD HH:MM:SS` (or `T`), optional 1-6 fraction digits, that is a real
 * moment: a calendar date from year 1, hours 0-23, minutes and seconds 0-59.
 */
export function validTimestamp(text: string): boolean {
  if (!TIMESTAMP.test(text) || !validDate(text.slice(0, 10))) return false;
  return digits(text, 11, 13) < 24 && digits(text, 14, 16) < 60 && digits(text, 17, 19) < 60;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a real calendar date `YYYY-MM-DD` (arithmetic only: it runs for every record). */
export function validDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const y = digits(text, 0, 4);
  const m = digits(text, 5, 7);
  const d = digits(text, 8, 10);
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0));
}

/** The decimal number written in `text[from, to)`, or -1 if it holds anything but digits. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}
