import { createXlsxSheetStore, type CellValue } from '@toolbelt/google';

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
