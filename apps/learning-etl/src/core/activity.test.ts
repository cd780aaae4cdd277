import { describe, expect, it } from 'vitest';
import { checkRecord, codePointLength, validDate, type Defect } from './activity.js';

const uid = 'a'.repeat(32);
const passback =
  "{'oauth_consumer_key': '', 'lis_result_sourcedid': 'course-v1:X', 'lis_outcome_service_url': 'https://x/y'}";
const record = (over: Record<string, unknown> = {}) => ({
  lti_user_id: uid,
  passback_params: passback,
  is_correct: null,
  attempt_type: 'run',
  created_at: '2023-05-31 09:16:11.313646',
  ...over,
});

describe('checkRecord', () => {
  it('accepts a clean record as a table row', () => {
    expect(checkRecord(record())).toEqual({
      accepted: true,
      row: [uid, '2023-05-31 09:16:11.313646', '', 'course-v1:X', 'https://x/y', null, 'run'],
      defects: [],
    });
  });

  it('refuses a missing or short user id', () => {
    for (const id of [undefined, null, 'a'.repeat(31), 'a'.repeat(33), 42]) {
      expect(checkRecord(record({ lti_user_id: id }))).toEqual({
        accepted: false,
        reason: 'missingUserId',
      });
    }
    expect(checkRecord(null)).toEqual({ accepted: false, reason: 'missingUserId' });
  });

  it('counts the 32 characters as Python len does: code points, not UTF-16 units', () => {
    const emoji = '\u{1F600}';
    expect(checkRecord(record({ lti_user_id: 'f'.repeat(31) + emoji })).accepted).toBe(true);
    expect(checkRecord(record({ lti_user_id: 'e'.repeat(30) + emoji })).accepted).toBe(false);
    // A lone surrogate is one character for Python too.
    expect(checkRecord(record({ lti_user_id: 'g'.repeat(31) + '\ud800' })).accepted).toBe(true);
    expect(codePointLength('a' + emoji + emoji)).toBe(3);
    // 32 code points in 33..64 units, and 32 units holding a pair (31 code points).
    expect(checkRecord(record({ lti_user_id: emoji.repeat(32) })).accepted).toBe(true);
    expect(checkRecord(record({ lti_user_id: emoji.repeat(16) })).accepted).toBe(false);
    expect(checkRecord(record({ lti_user_id: emoji.repeat(33) })).accepted).toBe(false);
  });

  it('loads records with missing or null passback keys and names each one', () => {
    const check = checkRecord(
      record({ passback_params: "{'oauth_consumer_key': None, 'lis_result_sourcedid': 'c'}" }),
    );
    expect(check.accepted && check.row.slice(2, 5)).toEqual([null, 'c', null]);
    expect(check.accepted && check.defects).toEqual<Defect[]>([
      { kind: 'missingField', field: 'oauth_consumer_key' },
      { kind: 'missingField', field: 'lis_outcome_service_url' },
    ]);
  });

  it('treats a missing passback_params as three missing keys, an unreadable one as a defect too', () => {
    expect(
      checkRecord(record({ passback_params: undefined })).accepted &&
        (checkRecord(record({ passback_params: undefined })) as { defects: Defect[] }).defects,
    ).toHaveLength(3);
    const bad = checkRecord(record({ passback_params: "{'a': " }));
    expect(bad.accepted && bad.defects[0]?.kind).toBe('badPassback');
  });

  it('flags wrong is_correct / attempt_type combinations with Python spellings', () => {
    const submit = checkRecord(record({ attempt_type: 'submit', is_correct: null }));
    expect(submit.accepted && submit.defects).toEqual([
      { kind: 'badCombination', isCorrect: 'None', attemptType: 'submit' },
    ]);
    const run = checkRecord(record({ attempt_type: 'run', is_correct: true }));
    expect(run.accepted && run.defects).toEqual([
      { kind: 'badCombination', isCorrect: 'True', attemptType: 'run' },
    ]);
    expect(
      checkRecord(record({ attempt_type: 'submit', is_correct: false })).accepted &&
        (
          checkRecord(record({ attempt_type: 'submit', is_correct: false })) as {
            defects: Defect[];
          }
        ).defects,
    ).toEqual([]);
  });

  it('refuses a record without a valid created_at as corrupt, so that it never fails the load', () => {
    for (const [value, shown] of [
      [undefined, 'null'],
      [null, 'null'],
      ['2023-02-30 10:00:00', '2023-02-30 10:00:00'],
      ['2023-05-31 99:99:99', '2023-05-31 99:99:99'],
      ['2023-05-31 24:00:00', '2023-05-31 24:00:00'],
      ['2023-05-31 23:60:00', '2023-05-31 23:60:00'],
      ['0000-01-01 00:00:00', '0000-01-01 00:00:00'],
      ['2023-05-31', '2023-05-31'],
      [20230531, '20230531'],
    ] as const) {
      expect(checkRecord(record({ created_at: value })), String(value)).toEqual({
        accepted: false,
        reason: 'badCreatedAt',
        value: shown,
      });
    }
    for (const good of ['2023-05-31 23:59:59.999999', '2024-02-29T00:00:00', '0001-01-01 00:00:00'])
      expect(checkRecord(record({ created_at: good })).accepted, good).toBe(true);
  });

  it('refuses a NUL character in a value to be loaded (PostgreSQL text cannot hold it)', () => {
    const nul = checkRecord(
      record({
        passback_params:
          "{'oauth_consumer_key': 'a\u0000b', 'lis_result_sourcedid': 'x', 'lis_outcome_service_url': 'y'}",
      }),
    );
    expect(nul).toEqual({ accepted: false, reason: 'nulCharacter', field: 'oauth_consumer_key' });
    expect(checkRecord(record({ lti_user_id: 'a'.repeat(31) + '\u0000' }))).toEqual({
      accepted: false,
      reason: 'nulCharacter',
      field: 'lti_user_id',
    });
  });
});

describe('validDate', () => {
  it('accepts real calendar dates only', () => {
    for (const good of ['2023-05-31', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])
      expect(validDate(good), good).toBe(true);
    for (const bad of [
      '2023-02-29',
      '1900-02-29',
      '2023-04-31',
      '2023-13-01',
      '2023-00-10',
      '2023-01-00',
      '2023-1-011',
      '20a3-01-01',
      '2023-01-0 ',
      '2023/01/01',
      '+023-01-01',
      '2023-01-01 ',
      '',
    ])
      expect(validDate(bad), bad).toBe(false);
  });
});
