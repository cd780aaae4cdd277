import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const HEAVY = /@googleapis|google-auth-library|exceljs|ical-generator|ical\.js|local-auth/;
const HOOK =
  "export async function resolve(s, c, next) { const r = await next(s, c); console.log('LOADED ' + r.url); return r; }";

/** Run `code` in a fresh Node after importing the built package; return the heavy modules it loaded. */
function heavyModulesLoadedBy(code: string): string[] {
  const script = `import { register } from 'node:module';
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOK)}));
    const m = await import(${JSON.stringify(dist)});
    ${code}`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  const loaded = out.split('\n').filter((l) => l.startsWith('LOADED '));
  if (!loaded.some((l) => l.includes('/dist/index.js')))
    throw new Error('the resolve hook saw nothing');
  return loaded.filter((l) => HEAVY.test(l));
}

describe('lazy loading (what an app pays at --help)', () => {
  it('importing the package and opening stores loads no Google client, exceljs or iCalendar library', () => {
    expect(existsSync(dist), 'build the package first: pnpm --filter @toolbelt/google build').toBe(
      true,
    );
    const heavy = heavyModulesLoadedBy(`
      m.openSheetStore('report.xlsx', {});
      m.openSheetStore('1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789', { GOOGLE_ACCESS_TOKEN: 't' });
      m.openCalendarSink('rota.ics', {});
      m.openCalendarSink('team@group.calendar.google.com', { GOOGLE_ACCESS_TOKEN: 't' });`);
    expect(heavy).toEqual([]);
  }, 60_000);

  it('loads exceljs once a workbook is actually used (the probe sees lazy imports)', () => {
    const heavy = heavyModulesLoadedBy(
      `await m.openSheetStore('does-not-exist.xlsx', {}).listTabs();`,
    );
    expect(heavy.some((l) => l.includes('exceljs'))).toBe(true);
  }, 60_000);
});
