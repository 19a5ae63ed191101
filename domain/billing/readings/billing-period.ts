/** Billing periods are months written 'YYYY-MM'. */
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export const isPeriod = (value: string): boolean => PERIOD.test(value);

/** The period `months` after `period` (negative: before). */
export function shiftPeriod(period: string, months: number): string {
  const [year, month] = period.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The `count` periods before `period`, the nearest first. */
export const periodsBefore = (period: string, count: number): string[] =>
  Array.from({ length: count }, (_, index) => shiftPeriod(period, -(index + 1)));
