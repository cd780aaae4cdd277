import { createXlsxSheetStore, type CellValue } from '@toolbelt/google';
import { makeTempDir, type TempDir } from '@toolbelt/testkit/temp-dir';
import { afterEach, beforeEach } from 'vitest';
import { makeExamples } from '../../../examples/tech-tracker/make.mjs';

/**
 * A fresh folder holding the example workbooks (`mot.xlsx`, `tech-tracker.xlsx`) for each test
 * of the calling `describe`, removed after it. Read `path` inside a test.
 */
export function exampleFolder(prefix: string): { readonly path: string } {
  let dir: TempDir | undefined;
  beforeEach(async () => {
    dir = makeTempDir(prefix);
    await makeExamples(dir.path);
  });
  afterEach(() => dir?.cleanup());
  return {
    get path(): string {
      if (!dir) throw new Error('exampleFolder: path is read outside a test');
      return dir.path;
    },
  };
}

/** A sync of the example workbooks (`makeExamples`) in the working folder, stamped 2023-07-15. */
export const SAMPLE_SYNC: readonly string[] = [
  'sync',
  '--school-year',
  '23-24',
  '--mot',
  'mot.xlsx',
  '--tracker',
  'tech-tracker.xlsx',
  '--today',
  '2023-07-15',
];

/** A tab of a workbook, values from A1. */
export async function readXlsxTab(path: string, tab: string): Promise<CellValue[][]> {
  const [data] = await createXlsxSheetStore({ path }).readTabs([{ tab }]);
  return data?.values ?? [];
}

/** Rows of a tracker tab without the A2 stamp (row 2), for comparing two syncs. */
export function withoutStamp(values: readonly (readonly CellValue[])[]): CellValue[][] {
  return values.map((row, i) => (i === 1 ? [] : [...row]));
}

/** The A2 stamp. */
export function stampOf(values: readonly (readonly CellValue[])[]): CellValue | undefined {
  return values[1]?.[0];
}
