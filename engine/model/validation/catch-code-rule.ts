import type { ExecutableElement, ExecutableProcess, ValueOrExpression } from '../executable-model';
import { describeElement, isBlank, scopeOf } from './rule-helpers';
import type { ValidationRule } from './validation-rule';

type CodedKind = 'error' | 'escalation';

const CODE: Record<
  CodedKind,
  { attribute: string; of: (element: ExecutableElement) => ValueOrExpression | undefined }
> = {
  error: { attribute: 'bpmn:error errorCode', of: (element) => element.error?.errorCode },
  escalation: { attribute: 'bpmn:escalation escalationCode', of: (element) => element.escalation?.escalationCode },
};

/**
 * Errors and escalations (§8): catch codes are static and unique per activity (boundary events) or per scope
 * (event-subprocess start events), with at most one catch-all; error catch events interrupt; throw events need
 * a code.
 */
export const catchCodeRule: ValidationRule = (process, report) => {
  const groups = new Map<string, ExecutableElement[]>();
  for (const element of process.elements.values()) {
    if (element.eventKind !== 'error' && element.eventKind !== 'escalation') continue;
    const kind = element.eventKind;
    const what = describeElement(element);
    const code = CODE[kind].of(element);
    const group = catchGroup(process, element);
    if (element.kind === 'startEvent' && group === undefined) continue; // reported by the event-position rule
    if (group === undefined) {
      if (!code || isBlank(code)) {
        report({ elementId: element.id, message: `${what} needs a code (${CODE[kind].attribute})` });
      }
      continue;
    }
    if (code?.kind === 'expression') {
      report({
        elementId: element.id,
        message: `the ${kind} code of ${what} must be static; only thrown codes may be expressions`,
      });
    }
    const interrupting = element.kind === 'boundaryEvent' ? element.cancelActivity !== false : element.interrupting;
    if (kind === 'error' && interrupting === false) {
      report({ elementId: element.id, message: `${what} must be interrupting` });
    }
    const key = `${kind} ${group}`;
    groups.set(key, [...(groups.get(key) ?? []), element]);
  }
  for (const [key, members] of groups) {
    const kind = key.split(' ')[0] as CodedKind;
    const seen = new Map<string, string>();
    for (const element of members) {
      const code = CODE[kind].of(element);
      const text = code ? (code.kind === 'static' ? code.value : `=${code.expression}`) : '';
      const earlier = seen.get(text);
      if (earlier !== undefined) {
        const where =
          element.kind === 'boundaryEvent'
            ? `on the activity '${element.attachedToId}'`
            : `among the event subprocesses of '${scopeOf(process, scopeOf(process, element) ?? element)?.id}'`;
        const catches = text === '' ? `every ${kind} (no ${kind} code)` : `the ${kind} code '${text}'`;
        report({ elementId: element.id, message: `'${earlier}' already catches ${catches} ${where}` });
      } else {
        seen.set(text, element.id);
      }
    }
  }
};

/** Where catch codes must be unique: the activity of a boundary event, the scope of an event subprocess. */
function catchGroup(process: ExecutableProcess, element: ExecutableElement): string | undefined {
  if (element.kind === 'boundaryEvent') return `activity ${element.attachedToId}`;
  if (element.kind !== 'startEvent') return undefined;
  const eventSubProcess = scopeOf(process, element);
  if (eventSubProcess?.kind !== 'eventSubProcess') return undefined; // reported by the event-position rule
  return `scope ${eventSubProcess.flowScopeId}`;
}
