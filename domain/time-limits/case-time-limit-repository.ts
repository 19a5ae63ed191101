/** Between a stored case clock (ISO strings, unit as text) and the calendar's CaseClock (Dates, TimeUnit). */
import type { CaseClock, Pause, TimeUnit } from '../../lib/calendar';
import type { CaseTimeLimit, StoredPause } from '../../db/time-limits/time-limit-models';

export function toCaseClock(row: CaseTimeLimit): CaseClock {
  return {
    amount: Number(row.amount),
    unit: row.unit as TimeUnit,
    startedAt: new Date(row.startedAt),
    pausedSince: row.pausedSince ? new Date(row.pausedSince) : null,
    pauses: row.pauses.map((pause) => ({ from: new Date(pause.from), to: new Date(pause.to) })),
    finishedAt: row.finishedAt ? new Date(row.finishedAt) : null,
  };
}

export function toStoredPauses(pauses: readonly Pause[]): StoredPause[] {
  return pauses.map((pause) => ({ from: pause.from.toISOString(), to: pause.to.toISOString() }));
}
