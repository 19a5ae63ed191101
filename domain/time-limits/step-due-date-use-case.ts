/**
 * A step's time limit from its decision, with its due date and warning date from the business calendar: what the
 * BPMN maps to `limit_<step>` for the user task's dueDate and its boundary timers. The warning is `warnBefore` units
 * before the due date (computed as amount − warnBefore from the start, so it follows the same calendar), null when
 * warnBefore is 0. The limit counts from the step's start, or from the instant in the variable the decision names in
 * `countFrom` (then `startedAt` is that instant). A working-day due date in a year without a published holiday
 * schedule is reckoned with the statutory holidays, shown as provisional, and the administrators are told.
 */
import { appClock } from '../../lib/clock/app-clock';
import type { TimeUnit } from '../../lib/calendar';
import { ModelError } from '../../lib/errors/model-error';
import { loadBusinessCalendar } from './business-calendar-repository';
import type { DomainServices } from '../domain-services';
import { remindIfDueInMissingYear } from './schedule-reminders';
import { evaluateStepLimit } from './step-limit-decision';

export interface StepTimeLimit {
  step: string;
  amount: number;
  unit: TimeUnit;
  startedAt: string;
  dueDate: string;
  warnDate: string | null;
}

/** The instant the limit counts from: the step's start, or the instant in the variable the decision names. */
function countStart(variables: Record<string, unknown>, countFrom: string | null): Date {
  if (countFrom === null) return appClock.now();
  const value = variables[countFrom];
  const at = typeof value === 'string' ? new Date(value) : undefined;
  if (!at || Number.isNaN(at.getTime()))
    throw new ModelError(
      `起算时刻变量 ${countFrom} 缺失或不是时间 / the limit counts from "${countFrom}", which is not an instant: ${JSON.stringify(value)}`,
    );
  return at;
}

export async function stepTimeLimit(
  services: DomainServices,
  input: { step: string; decision: string; variables: Record<string, unknown> },
): Promise<StepTimeLimit> {
  const { step } = input;
  const limit = await evaluateStepLimit(services, input.variables, input.decision, step);
  const calendar = await loadBusinessCalendar();
  const startedAt = countStart(input.variables, limit.countFrom);
  const dueDate = calendar.add(startedAt, limit.amount, limit.unit);
  if (limit.unit === 'WD') await remindIfDueInMissingYear(calendar, dueDate, services.config);
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
