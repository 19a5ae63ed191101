/**
 * The State Council's published holiday schedules (国务院办公厅关于部分节假日安排的通知) as the lunar-typescript
 * package carries them: every day that breaks the weekly rule, holidays (weekend ones included) and make-up working
 * days (调休上班). A year the installed version does not carry has no schedule here: its notice is entered by an
 * administrator (PUT /api/calendar/days/:date, then PUT /api/calendar/years/:year) or comes with a package update.
 */
import { HolidayUtil } from 'lunar-typescript';
import type { SpecialDay } from './special-day';

export const PUBLISHED_SCHEDULE_SOURCE = 'lunar-typescript HolidayUtil（国务院办公厅节假日安排通知）';

/** The package writes 元旦 as 元旦节; the platform's names follow the notices. */
const NAMES: Record<string, string> = { 元旦节: '元旦' };

export function publishedSchedule(year: number): SpecialDay[] | undefined {
  const days = HolidayUtil.getHolidays(year).filter((holiday) => holiday.getDay().startsWith(`${year}-`));
  if (days.length === 0) return undefined;
  return days.map((holiday): SpecialDay => {
    const name = NAMES[holiday.getName()] ?? holiday.getName();
    return holiday.isWork()
      ? { date: holiday.getDay(), kind: 'workday', name: `${name}调休上班` }
      : { date: holiday.getDay(), kind: 'holiday', name };
  });
}
