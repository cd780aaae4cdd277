import { describe, expect, it } from 'vitest';
import { resolveSettingPath, toSettings, type GenerateFlags } from '../src/settings.js';
import { rotaFile } from './builders.js';

const fromFile = (data: unknown, flags: GenerateFlags = {}) =>
  toSettings(flags, { data, path: '/cfg/rota.yaml' }, '/work');

describe('toSettings (flags + config file -> settings, every problem at once)', () => {
  it('takes the run flags (booleans not given are false) and derives a seed', () => {
    expect(fromFile(rotaFile()).settings).toMatchObject({
      dryRun: false,
      replaceAll: false,
      yes: false,
      wait: true,
    });
  });

  it('resolves paths against where they were written', () => {
    const { settings, problems } = fromFile(rotaFile({ report_dir: 'out' }), {
      'dry-run': true,
      'no-wait': true,
      ics: 'rota.ics',
    });
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({ dryRun: true, wait: false, replaceAll: false, yes: false });
    expect(settings?.seed).toEqual(expect.any(Number));
    const rota = settings!.rota;
    expect(rota.calendar).toEqual({ kind: 'ics', path: 'rota.ics', source: 'flag' });
    expect(resolveSettingPath(settings!, rota.reportDir!)).toBe('/cfg/out');
    expect(resolveSettingPath(settings!, { path: 'rota.ics', source: 'flag' })).toBe(
      '/work/rota.ics',
    );
    expect(resolveSettingPath(settings!, { path: '/abs.ics', source: 'config' })).toBe('/abs.ics');
  });

  it("checks the file's shape with cli-kit's checkSettings, naming each path (CONFIG)", () => {
    const check = fromFile(
      rotaFile({ date_range: { start_date: '2025-01-06', n_cycles: 'eight' }, colour: 'red' }),
    );
    expect(check.settings).toBeUndefined();
    expect(check.code).toBe('CONFIG');
    expect(check.problems.map((p) => p.en)).toEqual([
      expect.stringMatching(/^date_range\.n_cycles: /),
      expect.stringMatching(/^\(settings\): .*colour/),
    ]);
    expect(check.problems.every((p) => p.ru.length > 0 && p.ru !== p.en)).toBe(true);
  });

  it('reports problems of flags alone as USAGE, and with the file as CONFIG, in en and ru', () => {
    const flags = fromFile(rotaFile(), { start: 'soon', cycles: 0 });
    expect(flags.code).toBe('USAGE');
    expect(flags.problems).toEqual([
      {
        en: '--start: "soon" is not a date (YYYY-MM-DD).',
        ru: '--start: «soon» — не дата (ГГГГ-ММ-ДД).',
      },
      {
        en: '--cycles: the number of cycles must be a whole number of at least 1 (got "0").',
        ru: '--cycles: число циклов должно быть целым и не меньше 1 (получено «0»).',
      },
    ]);
    const both = fromFile(
      rotaFile({ support_team: { start_cycle_with: 'a', a: [], b: ['Bob'] } }),
      {
        start: 'soon',
      },
    );
    expect(both.code).toBe('CONFIG');
    expect(both.problems.map((p) => p.en)).toEqual([
      '--start: "soon" is not a date (YYYY-MM-DD).',
      'Group a needs at least one member.',
    ]);
  });
});
