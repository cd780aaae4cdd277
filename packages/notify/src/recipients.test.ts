import { describe, expect, it } from 'vitest';
import {
  isEmailAddress,
  parseRecipients,
  planDelivery,
  recipientsFromEnv,
  splitRecipients,
} from './recipients.js';

describe('recipients', () => {
  it('parses comma and semicolon separated lists, named forms, and drops duplicates', () => {
    expect(
      parseRecipients(' ann@example.org; Bob Lee <bob@example.org>,ANN@example.org ,, '),
    ).toEqual({
      recipients: ['ann@example.org', 'Bob Lee <bob@example.org>'],
      invalid: [],
    });
    expect(
      parseRecipients('ann@example.org, bob@, carol example.org, <x@y>, a b@example.org').invalid,
    ).toEqual(['bob@', 'carol example.org', 'a b@example.org']);
  });

  it('accepts what nodemailer sends to, and not what it cannot', () => {
    expect(isEmailAddress('first.last+tag@sub.example.co.uk')).toBe(true);
    // nodemailer delivers these: a one-letter top-level domain, a host without dots.
    expect(isEmailAddress('a@b.c')).toBe(true);
    expect(isEmailAddress('ops@localhost')).toBe(true);
    expect(isEmailAddress('a b@example.org')).toBe(false);
    expect(isEmailAddress('hr@@example.org')).toBe(false);
    expect(isEmailAddress('bob@')).toBe(false);
    expect(isEmailAddress('a<b@x.org')).toBe(false);
  });

  it('reads MAIL_TO and NOTIF_TO_ADDRESS together', () => {
    expect(
      recipientsFromEnv({
        MAIL_TO: 'a@example.org;b@example.org',
        NOTIF_TO_ADDRESS: 'b@example.org, c@example.org',
      }),
    ).toEqual(['a@example.org', 'b@example.org', 'c@example.org']);
    expect(recipientsFromEnv({})).toEqual([]);
    expect(recipientsFromEnv({ OTHER: 'z@example.org' }, ['OTHER'])).toEqual(['z@example.org']);
  });

  it('throws CONFIG naming every invalid entry and its variable', () => {
    try {
      recipientsFromEnv({ MAIL_TO: 'a@example.org, oops', NOTIF_TO_ADDRESS: 'hr@@example.org' });
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({
        code: 'CONFIG',
        key: 'common:errors.config',
        problems: [
          'MAIL_TO: "oops" is not an e-mail address',
          'NOTIF_TO_ADDRESS: "hr@@example.org" is not an e-mail address',
        ],
      });
    }
  });

  it('splits into slices of at most 100 and keeps the order', () => {
    const list = Array.from({ length: 250 }, (_, i) => `p${i}@example.org`);
    const slices = splitRecipients(list);
    expect(slices.map((s) => s.length)).toEqual([100, 100, 50]);
    expect(slices.flat()).toEqual(list);
    expect(splitRecipients(list.slice(0, 100))).toHaveLength(1);
    expect(splitRecipients([])).toEqual([]);
    expect(() => splitRecipients(list, 0)).toThrow(RangeError);
    expect(planDelivery(['x', 'a@example.org'], 1)).toEqual({
      slices: [['a@example.org']],
      invalid: ['x'],
    });
  });
});
