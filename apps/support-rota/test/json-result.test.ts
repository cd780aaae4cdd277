import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCliAsync } from '@toolbelt/testkit';
import { startGoogleStandIn } from '@toolbelt/testkit/google';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bin, writeRota } from './builders.js';
import { configReport, daysWorked, errorResult, generateResult, parseJson } from './schemas.js';

let dir: TempDir;
beforeEach(() => {
  dir = makeTempDir('support-rota-json');
});
afterEach(async () => {
  await dir.cleanup();
});

// The --json output and the report files are a contract: strict zod schemas (test/schemas.ts)
// fail on a field added, dropped, renamed or of another type.
describe('the JSON contract of generate', () => {
  it('a written .ics run, a dry run and the two report files match their schemas', async () => {
    const config = writeRota(dir.path);
    const reports = join(dir.path, 'reports');
    const run = await runCliAsync(
      bin,
      ['generate', '--config', config, '--report-dir', reports, '--json'],
      {
        cwd: dir.path,
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const result = parseJson(generateResult, run.stdout);
    expect(result).toMatchObject({ dryRun: false, replaceAll: false, confirmed: true });
    expect(result.calendar.kind).toBe('ics');
    expect(result.icsExport).toBeUndefined();
    expect(result.reports).toHaveLength(2);
    parseJson(configReport, readFileSync(join(reports, 'config-report.json'), 'utf8'));
    parseJson(daysWorked, readFileSync(join(reports, 'days-worked.json'), 'utf8'));

    const dry = await runCliAsync(
      bin,
      ['generate', '--config', config, '--dry-run', '--seed', '5', '--json'],
      {
        cwd: dir.path,
      },
    );
    expect(parseJson(generateResult, dry.stdout)).toMatchObject({ dryRun: true, seed: 5 });
  });

  it('a Google calendar with an .ics export: API call counts and the export', async () => {
    const standIn = await startGoogleStandIn();
    try {
      const calendarId = 'json@group.calendar.google.com';
      standIn.seedCalendar(calendarId, []);
      const config = writeRota(dir.path, { calendar: { selected: calendarId } });
      const run = await runCliAsync(
        bin,
        ['generate', '--config', config, '--ics', 'export.ics', '--json'],
        {
          cwd: dir.path,
          env: { GOOGLE_ACCESS_TOKEN: 'test-token', GOOGLE_API_ROOT_URL: standIn.rootUrl },
        },
      );
      expect(run.status, run.stderr).toBe(0);
      const result = parseJson(generateResult, run.stdout);
      expect(result.calendar.kind).toBe('google');
      expect(result.calendar.calls?.['calendar.events.insert']).toBe(10);
      expect(result.icsExport?.counts.insert).toBe(10);
    } finally {
      await standIn.stop();
    }
  });

  it('an error: code, exit code and the problems', async () => {
    const config = writeRota(dir.path, {
      support_team: { start_cycle_with: 'x', a: ['Ann'], b: ['Bob'] },
    });
    const run = await runCliAsync(bin, ['generate', '--config', config, '--json'], {
      cwd: dir.path,
    });
    expect(run.status).toBe(78);
    expect(parseJson(errorResult, run.stdout).error).toMatchObject({
      code: 'CONFIG',
      exitCode: 78,
      problems: ['x is an invalid group name.'],
    });
  });
});
