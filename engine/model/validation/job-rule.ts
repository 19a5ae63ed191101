import type { ElementKind, ExecutableElement } from '../executable-model';
import { describeElement } from './rule-helpers';
import type { ValidationRule } from './validation-rule';

/** Elements that always create a job. */
const JOB_KINDS: ReadonlySet<ElementKind> = new Set<ElementKind>(['serviceTask', 'sendTask']);

/** Message throw and end events are job-based too (§3.1). */
function needsJob(element: ExecutableElement): boolean {
  if (JOB_KINDS.has(element.kind)) return true;
  const throws = element.kind === 'intermediateThrowEvent' || element.kind === 'endEvent';
  return throws && element.eventKind === 'message';
}

/** Job-based elements need a job type; a script task needs a FEEL script or a job type. */
export const jobRule: ValidationRule = (process, report) => {
  for (const element of process.elements.values()) {
    const label = describeElement(element);
    const type = element.job?.type;
    const emptyType = type && (type.kind === 'static' ? type.value.trim() === '' : type.expression.trim() === '');
    if (needsJob(element) && (!element.job || emptyType)) {
      report({ elementId: element.id, message: `${label} needs a job type (zeebe:taskDefinition type)` });
    } else if (element.job && emptyType) {
      report({ elementId: element.id, message: 'the job type (zeebe:taskDefinition type) is empty' });
    }
    if (element.kind !== 'scriptTask') continue;
    if (!element.script && !element.job) {
      report({
        elementId: element.id,
        message: 'a script task needs either a FEEL script (zeebe:script) or a job type (zeebe:taskDefinition)',
      });
    }
    if (element.script && element.script.resultVariable.trim() === '') {
      report({
        elementId: element.id,
        message: 'a script task with a FEEL script needs a result variable (zeebe:script resultVariable)',
      });
    }
    if (element.script && element.job) {
      report({ elementId: element.id, message: 'a script task has either a FEEL script or a job type, not both' });
    }
  }
};
