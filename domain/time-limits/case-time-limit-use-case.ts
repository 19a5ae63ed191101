/** A case's whole-case clock as people see it: state, due date with the pauses, time used and left, compliance. */
import { toCaseClock } from './case-time-limit-repository';
import { CaseTimeLimit } from '../../db/time-limits/time-limit-models';
import { appClock } from '../../lib/clock/app-clock';
import { clockStatus, dueDateNotice, type DueDateNotice } from '../../lib/calendar';
import { loadBusinessCalendar } from './business-calendar-repository';
import { dueDateChanges } from './recompute-due-dates-use-case';

export interface CaseTimeLimitView {
  businessKey: string;
  processInstanceKey: string | null;
  step: string;
  amount: number;
  unit: string;
  /** cancelled: the case was cancelled and its clock stopped then. */
  state: 'running' | 'paused' | 'finished' | 'cancelled';
  startedAt: string;
  /** The due date, recomputed with the pauses (while paused: as if the case resumed now). */
  dueAt: string;
  /** Set while the due date falls in a year whose holiday schedule is not entered: it may still move. */
  dueAtNotice: DueDateNotice | null;
  pausedSince: string | null;
  pauses: { from: string; to: string }[];
  finishedAt: string | null;
  cancelledAt: string | null;
  /** In the limit's unit (fractional working days for WD). */
  used: number;
  remaining: number;
  /** Null for a cancelled case. */
  compliant: boolean | null;
  /** Due dates of the case (its tasks' and its own) moved by calendar changes: old → new, why. */
  dueDateChanges: Awaited<ReturnType<typeof dueDateChanges>>;
}

/** The case clock of `businessKey`, or undefined when the case never started one. */
export async function caseTimeLimit(businessKey: string): Promise<CaseTimeLimitView | undefined> {
  const row = await CaseTimeLimit.findOne({ where: { businessKey } });
  if (!row) return undefined;
  const clock = toCaseClock(row);
  const calendar = await loadBusinessCalendar();
  const status = clockStatus(calendar, clock, appClock.now());
  return {
    businessKey: row.businessKey,
    processInstanceKey: row.processInstanceKey,
    step: row.step,
    amount: clock.amount,
    unit: clock.unit,
    state: row.cancelledAt ? 'cancelled' : status.state,
    startedAt: clock.startedAt.toISOString(),
    dueAt: status.dueAt.toISOString(),
    dueAtNotice: status.state === 'finished' ? null : dueDateNotice(calendar, status.dueAt, clock.unit),
    pausedSince: clock.pausedSince?.toISOString() ?? null,
    pauses: row.pauses,
    finishedAt: clock.finishedAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt ? new Date(row.cancelledAt).toISOString() : null,
    used: row.used ?? status.used,
    remaining: clock.amount - (row.used ?? status.used),
    compliant: row.cancelledAt ? null : (row.compliant ?? status.compliant),
    dueDateChanges: await dueDateChanges(row.businessKey),
  };
}
