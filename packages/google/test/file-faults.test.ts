import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { isToolbeltError } from '@toolbelt/errors';
import {
  createIcsCalendarSink,
  createXlsxSheetStore,
  icsSafeText,
  xmlSafeText,
} from '../src/index.js';
import { fullDir, readOnlyDir } from '@toolbelt/testkit/fs-faults';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'tb-faults-'));
  dirs.push(d);
  return d;
}

const NASTY = 'A\u0001B\u001bC\u0000D\uFFFEE\uFFFFF\ud800G\tH\nI';

describe('text that XML 1.0 forbids, in an .xlsx', () => {
  it('is removed (lone surrogates replaced), so the workbook reopens and takes more writes', async () => {
    const path = join(await tempDir(), 't.xlsx');
    const book = createXlsxSheetStore({ path });
    await book.ensureTab('Tab');
    await book.write([{ kind: 'values', tab: 'Tab', range: 'A1', values: [[NASTY, 'ok']] }]);
    // A fresh exceljs reads it (a malformed file throws here), and so does a second write.
    await new ExcelJS.Workbook().xlsx.readFile(path);
    await book.write([{ kind: 'values', tab: 'Tab', range: 'A2', values: [['again']] }]);
    const [tab] = await book.readTabs([{ tab: 'Tab' }]);
    expect(tab?.values).toEqual([['ABCDEF\uFFFDG\tH\nI', 'ok'], ['again']]);
    expect(xmlSafeText(NASTY)).toBe('ABCDEF\uFFFDG\tH\nI');
  });
});

describe('text that RFC 5545 forbids, and escaping, in an .ics', () => {
  it('writes no control bytes, and reads back names with ; , \\ and line breaks as written', async () => {
    const path = join(await tempDir(), 'rota.ics');
    const sink = createIcsCalendarSink({ path, name: 'R\u0000' });
    const names = ['a;b', 'c,d', 'e\\f', 'g\r\nh', NASTY];
    await sink.apply(
      names.map((summary, i) => ({
        kind: 'insert' as const,
        event: {
          id: `event${i}xx`,
          summary,
          start: `2025-01-0${i + 1}`,
          end: `2025-01-0${i + 2}`,
          privateProperties: { toolbeltRota: 'x;y,z\\w\u0007' },
        },
      })),
    );
    const text = readFileSync(path, 'utf8');
    // eslint-disable-next-line no-control-regex
    expect(text.replace(/\r\n/g, '').match(/[\u0000-\u0008\u000A-\u001F\u007F]/g)).toBeNull();
    new ICAL.Component(ICAL.parse(text) as unknown[]);
    const back = await sink.listEvents({
      from: '2025-01-01',
      privateProperty: { key: 'toolbeltRota', value: 'x;y,z\\w' },
    });
    expect(back.map((e) => e.summary)).toEqual(names.map(icsSafeText));
    expect(icsSafeText('g\r\nh\ri')).toBe('g\nh\ni');
    expect(icsSafeText(NASTY)).toBe('ABCD\uFFFEE\uFFFFF\uFFFDG\tH\nI');
  });

  it('writes an .ics of 12,000 events in one apply (linear, not quadratic)', async () => {
    const path = join(await tempDir(), 'big.ics');
    const sink = createIcsCalendarSink({ path });
    const day = (n: number): string =>
      new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);
    const events = Array.from({ length: 12_000 }, (_, n) => ({
      id: `big${String(n).padStart(6, '0')}`,
      summary: `day ${n}`,
      start: day(n),
      end: day(n + 1),
    }));
    const result = await sink.apply(events.map((event) => ({ kind: 'insert' as const, event })));
    expect(result).toEqual({ applied: 12_000, failed: [] });
    expect(await sink.listEvents({ from: '2000-01-01' })).toHaveLength(12_000);
  }, 120_000);
});

describe('a file system that refuses the write', () => {
  it('read-only: .xlsx and .ics writes are IOERR naming the file; nothing changes', async () => {
    const xlsx = new ExcelJS.Workbook();
    xlsx.addWorksheet('Tab');
    const seed = Buffer.from(await xlsx.xlsx.writeBuffer());
    const dir = readOnlyDir({ 't.xlsx': seed });
    try {
      const book = createXlsxSheetStore({ path: join(dir.path, 't.xlsx') });
      const error = await book
        .write([{ kind: 'values', tab: 'Tab', range: 'A1', values: [['x']] }])
        .catch((e: unknown) => e);
      expect(isToolbeltError(error) && error.code).toBe('IOERR');
      expect(isToolbeltError(error) && error.message).toBe(
        `cannot write ${join(dir.path, 't.xlsx')}: read-only file system`,
      );
      const sink = createIcsCalendarSink({ path: join(dir.path, 'rota.ics') });
      const icsError = await sink
        .apply([
          {
            kind: 'insert',
            event: { id: 'abcde1', summary: 's', start: '2025-01-01', end: '2025-01-02' },
          },
        ])
        .catch((e: unknown) => e);
      expect(isToolbeltError(icsError) && icsError.exitCode).toBe(74);
      expect(readdirSync(dir.path)).toEqual(['t.xlsx']);
      expect(readFileSync(join(dir.path, 't.xlsx')).equals(seed)).toBe(true);
    } finally {
      dir.cleanup();
    }
  });

  it('no space left: IOERR, the old .ics stays whole and no temp file is left', async () => {
    const seed = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nEND:VCALENDAR\r\n';
    const dir = fullDir(64 * 1024, { 'rota.ics': seed });
    try {
      const sink = createIcsCalendarSink({ path: join(dir.path, 'rota.ics') });
      const day = (n: number): string =>
        new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);
      const events = Array.from({ length: 2_000 }, (_, n) => ({
        id: `full${String(n).padStart(6, '0')}`,
        summary: `a long enough summary for day ${n}`,
        start: day(n),
        end: day(n + 1),
      }));
      const error = await sink
        .apply(events.map((event) => ({ kind: 'insert' as const, event })))
        .catch((e: unknown) => e);
      expect(isToolbeltError(error) && error.message).toBe(
        `cannot write ${join(dir.path, 'rota.ics')}: no space left on device`,
      );
      expect(readdirSync(dir.path)).toEqual(['rota.ics']);
      expect(readFileSync(join(dir.path, 'rota.ics'), 'utf8')).toBe(seed);
    } finally {
      dir.cleanup();
    }
  });
});
