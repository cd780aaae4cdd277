#!/usr/bin/env node
// Writes the sample MOT and Tech Tracker workbooks (see sample-data.mjs) as .xlsx files.
//   node examples/tech-tracker/make.mjs [out-dir] [--hires N]
// Default out-dir: this folder (the committed examples). Struck-through ids are written as
// struck-through cells, dates as real date cells, exactly what HR's sheet holds.
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleSpreadsheets } from './sample-data.mjs';

const here = dirname(fileURLToPath(import.meta.url));
// exceljs is a dev dependency of the app; resolve it from there.
const require = createRequire(join(here, '../../apps/tech-tracker/package.json'));
const ExcelJS = require('exceljs');

function letterIndex(letters) {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** `J3:J` / `D5` -> a test for (row, col), both 1-based. */
function inRange(a1) {
  const [from, to = from] = a1.split(':');
  const p = (ref) => {
    const m = /^([A-Z]+)(\d*)$/.exec(ref);
    return { col: letterIndex(m[1]), row: m[2] ? Number(m[2]) : undefined };
  };
  const a = p(from);
  const b = p(to);
  return (row, col) =>
    col >= a.col && col <= b.col && row >= (a.row ?? 1) && row <= (b.row ?? Infinity);
}

const toExcelDate = (serial) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);

/** Writes one sample spreadsheet to `path`. */
export async function writeWorkbook(spreadsheet, path) {
  const workbook = new ExcelJS.Workbook();
  // Fixed metadata, so that regenerating the examples changes nothing but what changed.
  workbook.creator = 'toolbelt examples';
  workbook.created = workbook.modified = new Date('2023-06-30T12:00:00Z');
  for (const [title, tab] of Object.entries(spreadsheet.tabs)) {
    const sheet = workbook.addWorksheet(title);
    const struck = (tab.strikethrough ?? []).map(inRange);
    const dates = Object.entries(tab.numberFormats ?? {})
      .filter(([, f]) => f.type === 'DATE')
      .map(([a1]) => inRange(a1));
    tab.values.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null || value === undefined) return;
        const cell = sheet.getCell(r + 1, c + 1);
        const isDate = typeof value === 'number' && dates.some((test) => test(r + 1, c + 1));
        cell.value = isDate ? toExcelDate(value) : value;
        if (isDate) cell.numFmt = 'yyyy-mm-dd';
      });
    });
    for (const test of struck) {
      sheet.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          if (test(r, c)) cell.font = { ...(cell.font ?? {}), strike: true };
        }),
      );
    }
  }
  await mkdir(dirname(path), { recursive: true });
  await workbook.xlsx.writeFile(path);
}

/** Writes `mot.xlsx` and `tech-tracker.xlsx` into `dir`. */
export async function makeExamples(dir, options = {}) {
  const { mot, tracker } = sampleSpreadsheets(options);
  await writeWorkbook(mot, join(dir, 'mot.xlsx'));
  await writeWorkbook(tracker, join(dir, 'tech-tracker.xlsx'));
  return { mot: join(dir, 'mot.xlsx'), tracker: join(dir, 'tech-tracker.xlsx') };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const hiresAt = args.indexOf('--hires');
  const hires = hiresAt >= 0 ? Number(args[hiresAt + 1]) : 50;
  const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--hires') ?? here;
  const paths = await makeExamples(resolve(dir), { hires });
  console.log(`Wrote ${paths.mot} and ${paths.tracker}`);
}
