import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/index.js';
import { composeNotification } from './notification.js';

const t = messages.translator('en');

describe('composeNotification', () => {
  it('uses the spec subject and puts the log before the change summary', () => {
    const message = composeNotification(t, {
      schoolYear: '23-24',
      log: 'line 1\nline 2\n',
      changes: [
        {
          kind: 'append',
          id: '7',
          values: ['7', 'Ann', 'Lee', 'a@x.org', 'KIPP Bayview', 'KIPP Bayview', '2023-08-01'],
        },
        {
          kind: 'update',
          id: '8',
          field: 'Start Date',
          from: '2023-08-01',
          to: '2023-08-08',
          key: true,
        },
        { kind: 'update', id: '8', field: 'Title', from: 'a', to: 'b', key: false },
        { kind: 'rescind', id: '9', stamp: 'Yes - 2023-07-15' },
      ],
    });
    expect(message.subject).toBe('Tech On-boarding Tracker - 23-24 - Success');
    expect(message.text.indexOf('line 2')).toBeLessThan(message.text.indexOf('New hires (1):'));
    expect(message.text).toContain('7 Ann Lee - KIPP Bayview, 2023-08-01');
    expect(message.text).toContain('8: Start Date 2023-08-01 -> 2023-08-08');
    expect(message.text).not.toContain('Title');
    expect(message.text).toContain('Rescinded (1):\n  9');
  });

  it('says the job encountered an error', () => {
    const message = composeNotification(t, {
      schoolYear: '23-24',
      log: '',
      changes: [],
      error: 'boom',
    });
    expect(message.subject).toBe('Tech On-boarding Tracker - 23-24 - Error');
    expect(message.text).toContain('encountered an error: boom');
  });
});
