/**
 * The flag shown wherever a task's or a case's due date is shown: a working-day due date in a year whose holiday
 * schedule is not published yet was reckoned with the statutory holidays only, and may move once it is entered.
 */
import { yearOf, type BusinessCalendar, type TimeUnit } from './business-calendar';

export interface DueDateNotice {
  code: 'HOLIDAY_SCHEDULE_NOT_ENTERED';
  /** The year whose schedule is missing. */
  year: number;
  message: string;
}

export const SCHEDULE_NOT_ENTERED_MESSAGE =
  '假日安排未录入，期限可能变化 / holiday schedule not entered, the due date may change';

/** The notice for a due date, or null when it stands (a published year, or a unit that ignores holidays). */
export function dueDateNotice(
  calendar: BusinessCalendar,
  dueDate: Date | string | null | undefined,
  unit: TimeUnit | string = 'WD',
): DueDateNotice | null {
  if (!dueDate || unit !== 'WD' || !calendar.isProvisional(dueDate)) return null;
  return { code: 'HOLIDAY_SCHEDULE_NOT_ENTERED', year: yearOf(dueDate), message: SCHEDULE_NOT_ENTERED_MESSAGE };
}
