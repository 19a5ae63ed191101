/**
 * A step's time limit from its decision, with its due date and warning date from the business calendar: what the
 * BPMN maps to `limit_<step>` for the user task's dueDate and its boundary timers. The warning is `warnBefore` units
 * before the due date (computed as amount − warnBefore from the start, so it follows the same calendar), null when
 * warnBefore is 0.
 */
import { appClock } from '../../lib/clock/app-clock';
import { chinaDayOf, type BusinessCalendar, type TimeUnit } from '../../lib/calendar';
import { loadBusinessCalendar } from '../calendar';
import type { DomainServices } from '../domain-services';
import { notify } from '../notifications';
import { evaluateStepLimit } from './step-limit-decision';

export interface StepTimeLimit {
  step: string;
  amount: number;
  unit: TimeUnit;
  startedAt: string;
  dueDate: string;
  warnDate: string | null;
}

/**
 * A working-day due date in a year whose holidays were never entered counts weekends only: administrators are told
 * once per year, so that they enter the State Council's schedule (PUT /api/calendar/days/:date).
 */
async function warnIfYearUnknown(calendar: BusinessCalendar, dueDate: Date, services: DomainServices): Promise<void> {
  if (calendar.knowsYearOf(dueDate)) return;
  const year = chinaDayOf(dueDate).slice(0, 4);
  await notify(
    {
      dedupKey: `calendar-year-missing:${year}`,
      kind: 'calendar',
      recipientType: 'role',
      recipient: 'admin',
      title: `${year}年节假日安排尚未录入 / the ${year} holiday schedule is not entered`,
      body: `有工作日时限的截止日落在${year}年，该年的节假日与调休尚未录入，暂按周末计算。请录入国务院办公厅${year}年节假日安排。 / A working-day due date falls in ${year}, whose holidays and make-up working days are not entered yet; weekends only are counted until they are.`,
    },
    { config: services.config },
  );
}

export async function stepTimeLimit(
  services: DomainServices,
  input: { step: string; decision: string; variables: Record<string, unknown> },
): Promise<StepTimeLimit> {
  const { step } = input;
  const limit = await evaluateStepLimit(services, input.variables, input.decision, step);
  const calendar = await loadBusinessCalendar();
  const startedAt = appClock.now();
  const dueDate = calendar.add(startedAt, limit.amount, limit.unit);
  if (limit.unit === 'WD') await warnIfYearUnknown(calendar, dueDate, services);
  const warnDate =
    limit.warnBefore > 0 ? calendar.add(startedAt, Math.max(limit.amount - limit.warnBefore, 0), limit.unit) : null;
  return {
    step,
    amount: limit.amount,
    unit: limit.unit,
    startedAt: startedAt.toISOString(),
    dueDate: dueDate.toISOString(),
    warnDate: warnDate?.toISOString() ?? null,
  };
}
