/**
 * The business calendar's reference data: the State Council's holiday schedules (holidays and make-up working
 * days) that the platform ships, from the lunar-typescript package, for every year from SEEDED_FROM on that the
 * installed version carries. A later year's notice is entered by an administrator when it is published (PUT
 * /api/calendar/days/:date for each day, then PUT /api/calendar/years/:year), or arrives with a package update.
 *
 * Idempotent, and an administrator's entries win: a year already marked published is left alone; for any other
 * year the package carries, its days are written where the table has no entry for that date yet, and the year is
 * marked published (source package).
 */
import { CalendarDay, CalendarYear } from '../../db/time-limits/time-limit-models';
import { PUBLISHED_SCHEDULE_SOURCE, publishedSchedule } from '../../lib/calendar';

/** The first year the current statutory rules apply to (2025-01-01); earlier years are not reckoned into. */
export const SEEDED_FROM = 2025;
export async function seedCalendarDays(): Promise<void> {
  // The package's schedules run without a gap up to the latest notice it carries.
  for (let year = SEEDED_FROM, days = publishedSchedule(year); days; days = publishedSchedule(++year)) {
    if (await CalendarYear.findByPk(year)) continue;
    await CalendarDay.bulkCreate(
      days.map((day) => ({ ...day, year })),
      { ignoreDuplicates: true },
    );
    await CalendarYear.findOrCreate({
      where: { year },
      defaults: { year, source: 'package', notice: PUBLISHED_SCHEDULE_SOURCE, enteredBy: null },
    });
  }
}
