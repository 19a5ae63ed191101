/**
 * Days in China time (UTC+8, no daylight saving): business days are China days whatever the server's time zone.
 * A day is written 'YYYY-MM-DD'; instants are epoch milliseconds.
 */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
const CHINA_OFFSET_MS = 8 * HOUR_MS;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isDayString(value: string): boolean {
  const at = Date.parse(`${value}T00:00:00Z`);
  return DAY_PATTERN.test(value) && !Number.isNaN(at) && new Date(at).toISOString().startsWith(value);
}

/** The China day an instant falls on. */
export function chinaDayOf(at: number | Date): string {
  return new Date(+at + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00 China time of a day, as epoch ms. */
export function startOfChinaDay(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS;
}

/** 24:00 China time of the day the instant falls on (= 00:00 of the next day). */
export function endOfChinaDay(at: number | Date): number {
  return startOfChinaDay(chinaDayOf(at)) + DAY_MS;
}

/**
 * China days as numbers (days since 1970-01-01 China time), for walks over many days: one addition per day instead
 * of parsing and writing a date.
 */
export function chinaDayNumberOf(at: number): number {
  return Math.floor((at + CHINA_OFFSET_MS) / DAY_MS);
}

/** 00:00 China time of a day number, as epoch ms. */
export function startOfChinaDayNumber(dayNumber: number): number {
  return dayNumber * DAY_MS - CHINA_OFFSET_MS;
}

/** The 'YYYY-MM-DD' of a day number. */
export function dayOfNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/**
 * From the first instant of `from` to the last of `to` (China days, both included) as an engine date filter
 * (`$gte` / `$lt`, ISO text); undefined when neither is given.
 */
export function chinaDaysFilter(
  from: string | undefined,
  to: string | undefined,
): { $gte?: string; $lt?: string } | undefined {
  if (!from && !to) return undefined;
  return {
    ...(from ? { $gte: new Date(startOfChinaDay(from)).toISOString() } : {}),
    ...(to ? { $lt: new Date(startOfChinaDay(addDays(to, 1))).toISOString() } : {}),
  };
}
