/**
 * Calendar days as "YYYY-MM-DD" keys. An entry belongs to the day written in its own timestamp (the local
 * date where it was written); "today" is the date of `now` at a given UTC offset.
 */

const DAY_MS = 86_400_000;

/** The local day an entry was written, from its ISO timestamp with offset ("2024-05-03T23:10:00+02:00"). */
export function entryDay(created: string): string {
  return created.slice(0, 10);
}

/** The local hour (0–23) an entry was written, from its ISO timestamp with offset. */
export function entryHour(created: string): number {
  return Number(created.slice(11, 13));
}

/** The day key of an instant at a UTC offset in minutes (east positive); defaults to this machine's offset. */
export function dayKey(instant: Date, utcOffsetMinutes = -instant.getTimezoneOffset()): string {
  return new Date(instant.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Add days to a day key. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Every day key from `from` to `to`, both included. */
export function dayRange(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** Day of the week of a day key: 0 Sunday … 6 Saturday. */
export function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}
