type Cell = string | number | boolean | null;
interface SampleTab {
  values: Cell[][];
  strikethrough?: string[];
  numberFormats?: Record<string, { type: 'DATE' | 'NUMBER' | 'TEXT' | 'PERCENT'; pattern: string }>;
}
export interface SampleSpreadsheet {
  title: string;
  tabs: Record<string, SampleTab>;
}
export function serialOf(iso: string): number;
export function sampleSpreadsheets(options?: {
  hires?: number;
  seed?: number;
  schoolYear?: string;
}): { mot: SampleSpreadsheet; tracker: SampleSpreadsheet };
