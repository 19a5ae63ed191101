import type { ExecutableElement, ExecutableProcess, TimerKind } from '../executable-model';
import { parseIsoDate, parseIsoDuration, parseTimeCycle } from '../timer-syntax';
import { describeElement, scopeOf } from './rule-helpers';
import type { ValidationRule } from './validation-rule';

const ATTRIBUTE: Record<TimerKind, string> = { date: 'timeDate', duration: 'timeDuration', cycle: 'timeCycle' };

const SYNTAX: Record<TimerKind, [(text: string) => unknown, string]> = {
  date: [parseIsoDate, 'an ISO 8601 date-time such as 2026-01-01T09:00:00Z'],
  duration: [parseIsoDuration, 'an ISO 8601 duration such as PT15M or P1DT2H'],
  cycle: [parseTimeCycle, 'a repeating interval such as R5/PT10S, or a cron expression such as 0 0 9-17 * * MON-FRI'],
};

/**
 * Timer events need one of timeDate / timeDuration / timeCycle, of a kind their position allows (§7.4), and a
 * static value must parse. Timer start events of event subprocesses follow the boundary-event rules.
 */
export const timerRule: ValidationRule = (process, report) => {
  for (const element of process.elements.values()) {
    if (element.eventKind !== 'timer') continue;
    const what = describeElement(element);
    const timer = element.timer;
    if (!timer) {
      report({
        elementId: element.id,
        message: `${what} needs a timer definition (timeDate, timeDuration or timeCycle)`,
      });
      continue;
    }
    const allowed = allowedKinds(process, element);
    if (!allowed.includes(timer.kind)) {
      report({
        elementId: element.id,
        message: `${what} cannot have a ${ATTRIBUTE[timer.kind]}; allowed: ${allowed.map((k) => ATTRIBUTE[k]).join(' or ')}`,
      });
    }
    if (timer.value.kind !== 'static') continue;
    const text = timer.value.value;
    const [parse, expected] = SYNTAX[timer.kind];
    if (text === '') {
      report({ elementId: element.id, message: `the ${ATTRIBUTE[timer.kind]} of ${what} is empty` });
    } else if (parse(text) === undefined) {
      report({
        elementId: element.id,
        message: `the ${ATTRIBUTE[timer.kind]} '${text}' of ${what} is not valid; expected ${expected}`,
      });
    }
  }
};

function allowedKinds(process: ExecutableProcess, element: ExecutableElement): TimerKind[] {
  const all: TimerKind[] = ['duration', 'date', 'cycle'];
  const once: TimerKind[] = ['duration', 'date'];
  switch (element.kind) {
    case 'startEvent':
      if (scopeOf(process, element)?.kind === 'eventSubProcess') return element.interrupting === false ? all : once;
      return ['date', 'cycle'];
    case 'boundaryEvent':
      return element.cancelActivity === false ? all : once;
    case 'intermediateCatchEvent':
      return once;
    default:
      return all; // timers elsewhere are reported by the event-position rule
  }
}
