/**
 * Administrators are told when a year's holiday schedule is missing: from 1 November of the year before, once a
 * round (SCHEDULE_REMINDER in lib/calendar: weekly) for as long as it is, and as soon as a working-day due date
 * falls in such a year. Each reminder is one notification to the admin role (dedup by year and round). The check
 * runs at start, every hour, and whenever the application's clock is pinned or reset.
 */
import type { AppConfig } from '../../lib/config/app-config';
import { appClock } from '../../lib/clock/app-clock';
import {
  loadBusinessCalendar,
  reminderRound,
  remindersDue,
  chinaDayOf,
  type BusinessCalendar,
  type ScheduleReminder,
} from '../../lib/calendar';
import { logger } from '../../lib/logger/logger';
import { notify } from '../../lib/notify';

const CHECK_EVERY_MS = 3_600_000;
const log = logger('time-limits');

async function remind({ year, round }: ScheduleReminder, config: AppConfig): Promise<void> {
  await notify(
    {
      dedupKey: `calendar-schedule-missing:${year}:${round}`,
      kind: 'calendar',
      recipientType: 'role',
      recipient: 'admin',
      title: `${year}年节假日安排尚未录入 / the ${year} holiday schedule is not entered`,
      body:
        `${year}年的节假日与调休安排尚未录入。在录入之前，落在${year}年的工作日期限只按周末和法定节假日（农历推算）计算，` +
        `并标注“假日安排未录入，期限可能变化”。请按国务院办公厅${year}年部分节假日安排的通知录入（PUT /api/calendar/days/{date}），` +
        `再确认全年已录入（PUT /api/calendar/years/${year}）；进行中的期限随之重算。` +
        ` / The ${year} holidays and make-up working days are not entered. Until they are, working-day due dates in ${year}` +
        ` count weekends and the statutory holidays (from the lunar calendar) only and are flagged as provisional. Enter` +
        ` the State Council's ${year} notice (PUT /api/calendar/days/{date}), then confirm the year` +
        ` (PUT /api/calendar/years/${year}); open due dates are recomputed.`,
    },
    { config },
  );
}

/** The reminders due now (this year's and, from 1 November, next year's schedule). */
export async function remindMissingSchedules(config: AppConfig, calendar?: BusinessCalendar): Promise<void> {
  const now = appClock.now();
  for (const reminder of remindersDue(calendar ?? (await loadBusinessCalendar()), now)) await remind(reminder, config);
}

/** A working-day due date just computed into a year without a schedule: tell them now, whatever the date. */
export async function remindIfDueInMissingYear(
  calendar: BusinessCalendar,
  dueDate: Date,
  config: AppConfig,
): Promise<void> {
  if (calendar.isPublished(dueDate)) return;
  const year = Number(chinaDayOf(dueDate).slice(0, 4));
  await remind({ year, round: reminderRound(year, chinaDayOf(appClock.now())) }, config);
}

/** Starts the periodic check; the returned function stops it. */
export function startScheduleReminders(config: AppConfig): () => void {
  const check = () =>
    remindMissingSchedules(config).catch((error: unknown) =>
      log.warn('holiday schedule reminder failed', { error: String(error) }),
    );
  void check();
  const timer = setInterval(() => void check(), CHECK_EVERY_MS);
  timer.unref();
  const stopListening = appClock.onMove(check);
  return () => {
    clearInterval(timer);
    stopListening();
  };
}
