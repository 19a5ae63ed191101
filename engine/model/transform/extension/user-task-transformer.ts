/**
 * A user task's Zeebe extensions → its user-task definition. Without zeebe:userTask it is a job-based user task:
 * a job of type io.camunda.zeebe:userTask whose custom headers carry the static assignment and form key.
 * (Expressions in a job-based task's assignment are not evaluated into headers yet.)
 */
import type { ExecutableElement, UserTaskDefinition } from '../../executable-model';
import { extensionElement, stringProperty, type ModdleElement } from '../../moddle-element';
import { toValueOrExpression } from '../../value-or-expression';

export const JOB_BASED_USER_TASK_TYPE = 'io.camunda.zeebe:userTask';

export function transformUserTask(source: ModdleElement, element: ExecutableElement): void {
  const assignment = extensionElement(source, 'zeebe:AssignmentDefinition');
  const schedule = extensionElement(source, 'zeebe:TaskSchedule');
  const priority = extensionElement(source, 'zeebe:PriorityDefinition');
  const form = extensionElement(source, 'zeebe:FormDefinition');
  const value = (from: ModdleElement | undefined, name: string) => {
    const text = from ? stringProperty(from, name) : undefined;
    return text === undefined || text === '' ? undefined : toValueOrExpression(text);
  };
  // Attributes newer than the moddle descriptor (bindingType, versionTag) are kept by moddle as plain properties.
  const untyped = (name: string) => (form && stringProperty(form, name)) || undefined;
  const definition: UserTaskDefinition = {
    zeebeUserTask: extensionElement(source, 'zeebe:UserTask') !== undefined,
    assignee: value(assignment, 'assignee'),
    candidateGroups: value(assignment, 'candidateGroups'),
    candidateUsers: value(assignment, 'candidateUsers'),
    dueDate: value(schedule, 'dueDate'),
    followUpDate: value(schedule, 'followUpDate'),
    priority: value(priority, 'priority'),
    formId: (form && stringProperty(form, 'formId')) || undefined,
    formBinding: (untyped('bindingType') as UserTaskDefinition['formBinding'] | undefined) ?? 'latest',
    formVersionTag: untyped('versionTag'),
    externalFormReference: (form && stringProperty(form, 'externalReference')) || undefined,
    formKey: (form && stringProperty(form, 'formKey')) || undefined,
  };
  element.userTask = definition;
  if (!definition.zeebeUserTask) element.job = jobFor(definition);
}

/** Zeebe sends candidate lists in job headers as JSON arrays of strings: 'a, b' → '["a","b"]'. */
function listHeader(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return JSON.stringify(
    text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

function jobFor(task: UserTaskDefinition): NonNullable<ExecutableElement['job']> {
  const headers: Record<string, string> = {};
  const staticValue = (v: UserTaskDefinition['assignee']) => (v?.kind === 'static' ? v.value : undefined);
  const put = (name: string, text: string | undefined) => {
    if (text !== undefined) headers[`io.camunda.zeebe:${name}`] = text;
  };
  put('assignee', staticValue(task.assignee));
  put('candidateGroups', listHeader(staticValue(task.candidateGroups)));
  put('candidateUsers', listHeader(staticValue(task.candidateUsers)));
  put('dueDate', staticValue(task.dueDate));
  put('followUpDate', staticValue(task.followUpDate));
  put('formKey', task.formKey);
  return {
    type: { kind: 'static', value: JOB_BASED_USER_TASK_TYPE },
    retries: { kind: 'static', value: '1' },
    headers,
  };
}
