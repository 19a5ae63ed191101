import type { Variables } from '../../../engine-api';
import { evaluateValue } from '../../../feel/feel-evaluator';
import type { TimerDefinition } from '../../../model/executable-model';
import {
  addIsoDuration,
  nextCronTime,
  parseIsoDate,
  parseIsoDuration,
  parseTimeCycle,
} from '../../../model/timer-syntax';

export interface TimerSchedule {
  dueDate: number;
  /** How many times it fires from now on; -1: forever. */
  repetitions: number;
  /** For cycles: the ISO duration or cron expression that gives the next due date. */
  interval?: string;
  cron?: boolean;
}

export type TimerResult = ({ ok: true } & TimerSchedule) | { ok: false; message: string };

/**
 * Evaluates a timer definition on the engine clock: a date, a duration from now, or a cycle (ISO repeating
 * interval or cron, in UTC). Expressions may give a string or a FEEL date-time/duration (already ISO strings).
 */
export function evaluateTimer(definition: TimerDefinition, variables: Variables, now: number): TimerResult {
  const evaluated = evaluateValue(definition.value, variables, 'STRING');
  if (!evaluated.ok) return evaluated;
  const text = String(evaluated.value).trim();
  const invalid = (what: string): TimerResult => ({
    ok: false,
    message: `Invalid timer ${definition.kind} '${text}': expected ${what}`,
  });
  switch (definition.kind) {
    case 'date': {
      const dueDate = parseIsoDate(text);
      return dueDate === undefined
        ? invalid('an ISO 8601 date-time such as 2026-12-01T09:00:00+08:00')
        : { ok: true, dueDate, repetitions: 1 };
    }
    case 'duration': {
      const duration = parseIsoDuration(text);
      return duration === undefined
        ? invalid('an ISO 8601 duration such as PT15M or P1D')
        : { ok: true, dueDate: addIsoDuration(now, duration), repetitions: 1 };
    }
    case 'cycle': {
      const cycle = parseTimeCycle(text);
      if (!cycle) return invalid('an ISO 8601 repeating interval such as R3/PT10M, or a cron expression');
      if (cycle.kind === 'cron') {
        const dueDate = nextCronTime(cycle.expression, now);
        if (dueDate === undefined) return invalid('a cron expression with a next time');
        return { ok: true, dueDate, repetitions: -1, interval: cycle.expression, cron: true };
      }
      const interval = text.slice(text.lastIndexOf('/') + 1);
      const dueDate = cycle.start ?? addIsoDuration(now, cycle.duration);
      return { ok: true, dueDate, repetitions: cycle.repetitions, interval };
    }
  }
}

/** The next due date of a cycle after it fired at `firedAt`; undefined when the cycle is used up. */
export function nextDueDate(
  schedule: Pick<TimerSchedule, 'dueDate' | 'repetitions' | 'interval' | 'cron'>,
): number | undefined {
  if (schedule.repetitions === 1 || schedule.repetitions === 0 || !schedule.interval) return undefined;
  if (schedule.cron) return nextCronTime(schedule.interval, schedule.dueDate);
  const duration = parseIsoDuration(schedule.interval);
  return duration ? addIsoDuration(schedule.dueDate, duration) : undefined;
}
