/**
 * The whole-case clock (pure): start → pause/resume (while the case waits on the customer) → finish. Every action
 * is idempotent — pausing a paused clock or finishing a finished one changes nothing — because a job can be
 * delivered twice and a model may pause from two branches.
 */
import type { BusinessCalendar, Pause, TimeUnit } from './business-calendar';

export type ClockAction = 'pause' | 'resume' | 'finish';

export interface CaseClock {
  amount: number;
  unit: TimeUnit;
  startedAt: Date;
  pausedSince: Date | null;
  pauses: Pause[];
  finishedAt: Date | null;
}

export type ClockChange = Pick<CaseClock, 'pausedSince' | 'pauses' | 'finishedAt'>;

/** The clock's new state after `action` at `now`, or undefined when the action changes nothing. */
export function applyClockAction(clock: CaseClock, action: ClockAction, now: Date): ClockChange | undefined {
  if (clock.finishedAt) return undefined;
  const closed = clock.pausedSince ? [...clock.pauses, { from: clock.pausedSince, to: now }] : clock.pauses;
  switch (action) {
    case 'pause':
      return clock.pausedSince ? undefined : { pausedSince: now, pauses: clock.pauses, finishedAt: null };
    case 'resume':
      return clock.pausedSince ? { pausedSince: null, pauses: closed, finishedAt: null } : undefined;
    case 'finish':
      return { pausedSince: null, pauses: closed, finishedAt: now };
  }
}

export interface ClockStatus {
  state: 'running' | 'paused' | 'finished';
  /** When the limit runs out; while paused, as if the clock resumed now. */
  dueAt: Date;
  used: number;
  remaining: number;
  /** Within the limit (so far, for a case not yet finished). */
  compliant: boolean;
}

/** Rounding noise of fractional days must not turn a case finished exactly on time into a late one. */
const EPSILON = 1e-9;

export function clockStatus(calendar: BusinessCalendar, clock: CaseClock, now: Date): ClockStatus {
  const end = clock.finishedAt ?? now;
  const pauses = clock.pausedSince ? [...clock.pauses, { from: clock.pausedSince, to: end }] : clock.pauses;
  const used = calendar.elapsed(clock.startedAt, end, clock.unit, pauses);
  const state = clock.finishedAt ? 'finished' : clock.pausedSince ? 'paused' : 'running';
  return {
    state,
    dueAt: calendar.dueDate(clock.startedAt, clock.amount, clock.unit, pauses),
    used,
    remaining: clock.amount - used,
    compliant: used <= clock.amount + EPSILON,
  };
}
