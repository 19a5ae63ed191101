/**
 * The business calendar's special days: the 2026 schedule of the State Council General Office
 * (国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04, published by Xinhua, e.g.
 * https://politics.gmw.cn/2025-11/04/content_38391083.htm). Holidays that fall on a weekend are listed too, so the
 * calendar shows the holiday's name. Each new year's notice is added here (or entered by an administrator through
 * PUT /api/calendar/days/:date).
 *
 * Reference seed, idempotent: a year is written only when the table has no day of that year yet, so an
 * administrator's corrections survive restarts.
 */
import { CalendarDay } from '../../db/time-limits/time-limit-models';
import type { SpecialDay } from '../../lib/calendar/business-calendar';
import { nextDay } from '../../lib/calendar/china-time';

function holidays(name: string, from: string, to: string): SpecialDay[] {
  const days: SpecialDay[] = [];
  for (let day = from; day <= to; day = nextDay(day)) days.push({ date: day, kind: 'holiday', name });
  return days;
}

const workday = (date: string, name: string): SpecialDay => ({ date, kind: 'workday', name: `${name}调休上班` });

export const CALENDAR_2026: SpecialDay[] = [
  ...holidays('元旦', '2026-01-01', '2026-01-03'),
  workday('2026-01-04', '元旦'),
  ...holidays('春节', '2026-02-15', '2026-02-23'),
  workday('2026-02-14', '春节'),
  workday('2026-02-28', '春节'),
  ...holidays('清明节', '2026-04-04', '2026-04-06'),
  ...holidays('劳动节', '2026-05-01', '2026-05-05'),
  workday('2026-05-09', '劳动节'),
  ...holidays('端午节', '2026-06-19', '2026-06-21'),
  ...holidays('中秋节', '2026-09-25', '2026-09-27'),
  ...holidays('国庆节', '2026-10-01', '2026-10-07'),
  workday('2026-09-20', '国庆节'),
  workday('2026-10-10', '国庆节'),
];

const SCHEDULES: Record<number, SpecialDay[]> = { 2026: CALENDAR_2026 };

export async function seedCalendarDays(): Promise<void> {
  for (const [year, days] of Object.entries(SCHEDULES)) {
    if ((await CalendarDay.count({ where: { year: Number(year) } })) > 0) continue;
    await CalendarDay.bulkCreate(
      days.map((day) => ({ ...day, year: Number(year) })),
      { ignoreDuplicates: true },
    );
  }
}
