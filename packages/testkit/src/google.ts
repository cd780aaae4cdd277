/**
 * `@toolbelt/testkit/google`: a local stand-in of the Google Sheets v4 and Calendar v3 REST APIs
 * for tests that drive the real googleapis clients over HTTP (`rootUrl`).
 */
export { startGoogleStandIn } from './google/stand-in.js';
export type {
  GoogleStandIn,
  GoogleStandInOptions,
  StandInCellValue,
  StandInEvent,
  StandInRequest,
  StandInSpreadsheet,
  StandInTab,
} from './google/stand-in.js';
export type { Fault, FaultKind } from './google/faults.js';
export type { NumberFormat } from './google/sheets-cells.js';
