/**
 * Expiry of a temporary change: a number of months after a day, at 00:00 China time of the resulting day (the
 * instant the process's expiry timer waits for). Used when the change is applied and when a temporary supply is
 * extended.
 */
import { chinaDayOf, startOfChinaDay } from '../../lib/calendar';

export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const total = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(total / 12), (total % 12) + 1];
  const lastDate = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(date, lastDate)).padStart(2, '0')}`;
}

/** `months` after `day` (a China day string) or after the China day of an instant. */
export function expiryAfter(from: string | Date, months: number): Date {
  const day = typeof from === 'string' ? from : chinaDayOf(from);
  return new Date(startOfChinaDay(addMonths(day, months)));
}
