import { describe, expect, it } from 'vitest';
import { eventId, isOwnedBy, ownerKey, toCalendarEvents } from './events.js';

describe('events', () => {
  it('derives stable base32hex ids from rota name and date', () => {
    const id = eventId('data-eng', '2025-01-06');
    expect(id).toMatch(/^[0-9a-v]{5,1024}$/);
    expect(id).toBe(eventId('data-eng', '2025-01-06'));
    expect(id).not.toBe(eventId('data-eng', '2025-01-07'));
    expect(id).not.toBe(eventId('data-eng-2', '2025-01-06'));
    expect(eventId('Дежурства', '2025-01-06')).toMatch(/^[0-9a-v]+$/);
  });

  it('writes all-day events with the original summary, ending the next date, marked as ours', () => {
    const [event] = toCalendarEvents(
      [{ date: '2025-01-10', cycle: 1, leadGroup: 'a', lead: 'Ann', assist: 'Bob' }],
      'data-eng',
    );
    expect(event).toEqual({
      id: eventId('data-eng', '2025-01-10'),
      summary: 'Ann is on support today with Bob assisting',
      start: '2025-01-10',
      end: '2025-01-11',
      privateProperties: { [ownerKey]: 'data-eng' },
    });
    expect(isOwnedBy(event!, 'data-eng')).toBe(true);
    expect(isOwnedBy(event!, 'other')).toBe(false);
  });
});
