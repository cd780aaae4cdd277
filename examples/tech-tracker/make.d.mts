import type { SampleSpreadsheet } from './sample-data.mjs';
export function writeWorkbook(spreadsheet: SampleSpreadsheet, path: string): Promise<void>;
export function makeExamples(
  dir: string,
  options?: { hires?: number; seed?: number; schoolYear?: string },
): Promise<{ mot: string; tracker: string }>;
