import type { ElementKind, EventKind } from '../executable-model';
import { describeElement, scopeOf } from './rule-helpers';
import type { ValidationRule } from './validation-rule';

const ALLOWED: Partial<Record<ElementKind | 'processStart' | 'subProcessStart' | 'eventSubProcessStart', EventKind[]>> =
  {
    processStart: ['none', 'message', 'timer', 'signal', 'conditional'],
    subProcessStart: ['none'],
    eventSubProcessStart: ['message', 'timer', 'signal', 'error', 'escalation', 'compensation', 'conditional', 'none'],
    intermediateCatchEvent: ['message', 'timer', 'signal', 'link', 'conditional'],
    intermediateThrowEvent: ['none', 'message', 'signal', 'escalation', 'link', 'compensation'],
    endEvent: ['none', 'terminate', 'message', 'error', 'escalation', 'signal', 'compensation'],
    boundaryEvent: ['message', 'timer', 'signal', 'error', 'escalation', 'compensation', 'conditional'],
  };

/** Each event definition only where BPMN allows it (a timer end event or an error start event in a process is not). */
export const eventPositionRule: ValidationRule = (process, report) => {
  for (const element of process.elements.values()) {
    let position: keyof typeof ALLOWED = element.kind;
    let where = '';
    if (element.kind === 'startEvent') {
      const scope = scopeOf(process, element)?.kind;
      position =
        scope === 'eventSubProcess'
          ? 'eventSubProcessStart'
          : scope === 'subProcess'
            ? 'subProcessStart'
            : 'processStart';
      where =
        scope === 'eventSubProcess'
          ? ' in an event subprocess'
          : scope === 'subProcess'
            ? ' in a subprocess'
            : ' at process level';
    }
    const allowed = ALLOWED[position];
    if (!allowed || allowed.includes(element.eventKind)) continue;
    report({ elementId: element.id, message: `${describeElement(element)} is not allowed${where}` });
  }
};
