export {
  DAY_MS,
  addDays,
  daysBetween,
  eachDay,
  isIsoDate,
  isoWeekday,
  parseIsoDate,
  utcDate,
  utcMidnightOf,
  weekday,
} from './calendar.js';
export type { IsoDate } from './calendar.js';
export { fromSerialDate, instantOfSerial, serialOfInstant, toSerialDate } from './serial.js';
export { isTimeZone, localDate, localDateTime } from './zone.js';
