import { describe, expect, it } from 'vitest';
import {
  configFileSchema,
  defaultSeed,
  problemsCode,
  resolveSettings as resolveParsed,
  type FlagSettings,
} from './settings.js';

/** The checks after the file's shape (which `configFileSchema` checks first). */
const resolveSettings = (raw: unknown, flags: FlagSettings) =>
  resolveParsed(configFileSchema.parse(raw), flags);

const file = {
  name: 'data-eng',
  calendar: {
    selected: 'dev-1',
    calendar_ids: {
      'dev-1': 'abc@group.calendar.google.com',
      prod: 'xyz@group.calendar.google.com',
    },
  },
  support_team: {
    start_cycle_with: 'g_sevens',
    g_sevens: ['George', 'Calum'],
    everyone_else: ['Thomas', 'Jake', 'Tapan'],
  },
  date_range: { start_date: '2025-01-06', n_cycles: 4 },
};

describe('resolveSettings', () => {
  it('reads the original settings and lets flags override them', () => {
    const result = resolveSettings(file, {
      cycles: 2,
      calendar: 'prod',
      startWith: 'everyone_else',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.cycles).toBe(2);
    expect(result.settings.calendar).toEqual({
      kind: 'google',
      name: 'prod',
      id: 'xyz@group.calendar.google.com',
    });
    expect(result.settings.team.first.name).toBe('everyone_else');
    expect(result.settings.start).toBe('2025-01-06');
  });

  it('accepts the original google_calendar_api block and a raw calendar id', () => {
    const { calendar: _c, ...rest } = file;
    const result = resolveSettings(
      {
        ...rest,
        google_calendar_api: {
          calendar: 'dev-1',
          calendar_ids: file.calendar.calendar_ids,
          api_name: 'calendar',
        },
      },
      {},
    );
    expect(result.ok && result.settings.calendar).toEqual({
      kind: 'google',
      name: 'dev-1',
      id: 'abc@group.calendar.google.com',
    });
    const raw = resolveSettings(file, { calendar: 'other@group.calendar.google.com' });
    expect(raw.ok && raw.settings.calendar).toMatchObject({
      id: 'other@group.calendar.google.com',
    });
  });

  it('writes an .ics file when no Google calendar is selected', () => {
    const result = resolveSettings({ ...file, calendar: undefined }, { ics: 'out/rota.ics' });
    expect(result.ok && result.settings.calendar).toEqual({
      kind: 'ics',
      path: 'out/rota.ics',
      source: 'flag',
    });
  });

  it('reports an invalid start group from the config as CONFIG and from a flag as USAGE', () => {
    const bad = resolveSettings(
      { ...file, support_team: { ...file.support_team, start_cycle_with: 'g7s' } },
      {},
    );
    expect(bad).toEqual({
      ok: false,
      problems: [{ source: 'config', code: 'invalidGroup', params: { name: 'g7s' } }],
    });
    expect(problemsCode(bad.ok ? [] : bad.problems)).toBe('CONFIG');
    const flag = resolveSettings(file, { startWith: 'nobody' });
    expect(flag.ok ? [] : flag.problems.map((p) => [p.source, p.code])).toEqual([
      ['flag', 'invalidGroup'],
    ]);
    expect(problemsCode(flag.ok ? [] : flag.problems)).toBe('USAGE');
  });

  it('reports bad dates, cycles below one, duplicates and unknown calendars together', () => {
    const result = resolveSettings(
      {
        ...file,
        date_range: { start_date: '2025-02-30', n_cycles: 0 },
        support_team: { ...file.support_team, everyone_else: ['George'] },
      },
      { calendar: 'staging' },
    );
    expect(result.ok ? [] : result.problems.map((p) => `${p.source}:${p.code}`)).toEqual([
      'config:badDate',
      'config:badCycles',
      'config:duplicate',
      'flag:unknownCalendar',
    ]);
    const cycles = resolveSettings(file, { cycles: 0 });
    expect(cycles.ok ? [] : cycles.problems).toEqual([
      { source: 'flag', code: 'badCycles', params: { setting: '--cycles', value: '0' } },
    ]);
  });

  it('needs a team', () => {
    expect(resolveSettings({}, {}).ok).toBe(false);
  });

  it('derives the same default seed from the same settings', () => {
    const a = resolveSettings(file, {});
    const b = resolveSettings(JSON.parse(JSON.stringify(file)), {});
    if (!a.ok || !b.ok) throw new Error('settings should be valid');
    expect(defaultSeed(a.settings)).toBe(defaultSeed(b.settings));
    expect(defaultSeed({ ...a.settings, cycles: 5 })).not.toBe(defaultSeed(a.settings));
  });
});
