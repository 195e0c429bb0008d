/**
 * The date and time an entry shows in text exports: the wall-clock time where it was written, read from
 * its ISO timestamp's own offset, so an export looks the same on any machine.
 */

/** Calendar date and clock time of an ISO 8601 timestamp, as written in it. */
export interface WallClock {
  /** `2025-01-08` */
  date: string;
  /** `14:30` */
  time: string;
  year: string;
  /** 1–12 */
  month: number;
}

/** Read the wall-clock fields of an ISO timestamp such as `2025-01-08T14:30:00.000+01:00`. */
export function wallClock(iso: string): WallClock {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!m) throw new RangeError('not an ISO 8601 timestamp');
  const [, year = '', month = '', day = '', hour = '', minute = ''] = m;
  return { date: `${year}-${month}-${day}`, time: `${hour}:${minute}`, year, month: Number(month) };
}

/** English month names, for export headings. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
