/**
 * The business calendar as the application uses it: built from the calendar_days and calendar_years tables, and
 * built again whenever the reference data's version moves, so an administrator's edit counts for the next due date
 * computed (decision 0018: where the days come from; decision 0067: how long a built calendar is kept).
 */
import { referenceData } from '../../db/core/reference-version';
import { CalendarDay, CalendarYear } from '../../db/time-limits/time-limit-models';
import { BusinessCalendar, type SpecialDay } from '../../lib/calendar';

export function loadBusinessCalendar(): Promise<BusinessCalendar> {
  return referenceData('business-calendar', buildBusinessCalendar);
}

async function buildBusinessCalendar(): Promise<BusinessCalendar> {
  const rows = await CalendarDay.findAll({ attributes: ['date', 'kind', 'name'] });
  const years = await CalendarYear.findAll({ attributes: ['year'] });
  return new BusinessCalendar(
    rows.map((row): SpecialDay => ({
      date: row.date,
      kind: row.kind === 'workday' ? 'workday' : 'holiday',
      name: row.name,
    })),
    { published: years.map((row) => row.year) },
  );
}
