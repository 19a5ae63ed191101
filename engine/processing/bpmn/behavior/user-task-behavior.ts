import type { Variables } from '../../../engine-api';
import { evaluateValue } from '../../../feel/feel-evaluator';
import type { UserTaskDefinition, ValueOrExpression } from '../../../model/executable-model';
import type { ElementInstance, UserTask } from '../../../state/entities';
import type { BpmnContext } from '../bpmn-context';
import { visibleVariables } from './variable-behavior';

/** The user-task fields a model gives, evaluated on activation (docs/zeebe-rules.md §10.2–10.5). */
export type UserTaskFields = Pick<
  UserTask,
  | 'assignee'
  | 'candidateGroups'
  | 'candidateUsers'
  | 'dueDate'
  | 'followUpDate'
  | 'priority'
  | 'formKey'
  | 'externalFormReference'
>;

/**
 * The task's assignment and schedule as Zeebe's reserved job headers (`io.camunda.zeebe:*`, candidates as JSON
 * lists, empty values left out): a job-based user task's job and a task listener's job carry them.
 */
export function assignmentHeaders(
  fields: Pick<UserTask, 'assignee' | 'candidateGroups' | 'candidateUsers' | 'dueDate' | 'followUpDate'>,
): Record<string, string> {
  const headers: Record<string, string> = {};
  const put = (name: string, value: string) => {
    if (value) headers[`io.camunda.zeebe:${name}`] = value;
  };
  put('assignee', fields.assignee);
  put('candidateGroups', fields.candidateGroups.length ? JSON.stringify(fields.candidateGroups) : '');
  put('candidateUsers', fields.candidateUsers.length ? JSON.stringify(fields.candidateUsers) : '');
  put('dueDate', fields.dueDate);
  put('followUpDate', fields.followUpDate);
  return headers;
}

export type Evaluated =
  ({ ok: true } & UserTaskFields) | { ok: false; message: string; errorType: 'EXTRACT_VALUE_ERROR' | 'FORM_NOT_FOUND' };

const fail = (message: string): Evaluated => ({ ok: false, message, errorType: 'EXTRACT_VALUE_ERROR' });

export function evaluateUserTask(ctx: BpmnContext, instance: ElementInstance, task: UserTaskDefinition): Evaluated {
  const variables = visibleVariables(ctx, instance.key);
  const text = (value: ValueOrExpression | undefined): { ok: true; value: string } | { ok: false; message: string } => {
    if (!value) return { ok: true, value: '' };
    const result = evaluateValue(value, variables, 'STRING');
    return result.ok ? { ok: true, value: String(result.value) } : result;
  };
  const assignee = text(task.assignee);
  if (!assignee.ok) return fail(assignee.message);
  const groups = toList(task.candidateGroups, variables);
  if (!groups.ok) return fail(groups.message);
  const users = toList(task.candidateUsers, variables);
  if (!users.ok) return fail(users.message);
  const dueDate = text(task.dueDate);
  if (!dueDate.ok) return fail(dueDate.message);
  const followUpDate = text(task.followUpDate);
  if (!followUpDate.ok) return fail(followUpDate.message);
  for (const [name, value] of [
    ['dueDate', dueDate.value],
    ['followUpDate', followUpDate.value],
  ] as const) {
    if (value && Number.isNaN(Date.parse(value.replace(/\[.*\]$/, '')))) {
      return fail(
        `Expected the ${name} to be an ISO 8601 date-time such as 2026-12-01T17:00:00+08:00, but was '${value}'`,
      );
    }
  }
  let priority = 50;
  if (task.priority) {
    const result = evaluateValue(task.priority, variables, 'NUMBER');
    if (!result.ok) return fail(result.message);
    priority = Number(result.value);
    if (!Number.isInteger(priority) || priority < 0 || priority > 100) {
      return fail(`Expected the priority to be an integer from 0 to 100, but was ${result.value}`);
    }
  }
  const form = linkedForm(ctx, instance, task);
  if (!form.ok) return form;
  return {
    ok: true,
    assignee: assignee.value,
    candidateGroups: groups.value,
    candidateUsers: users.value,
    dueDate: dueDate.value,
    followUpDate: followUpDate.value,
    priority,
    formKey: form.formKey,
    externalFormReference: task.externalFormReference ?? '',
  };
}

/** Candidates: a FEEL list of strings, or a comma-separated text. */
function toList(
  value: ValueOrExpression | undefined,
  variables: Variables,
): { ok: true; value: string[] } | { ok: false; message: string } {
  if (!value) return { ok: true, value: [] };
  const result = evaluateValue(value, variables, 'ANY');
  if (!result.ok) return result;
  const raw = result.value;
  if (typeof raw === 'string')
    return {
      ok: true,
      value: raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    };
  if (Array.isArray(raw) && raw.every((item) => typeof item === 'string')) return { ok: true, value: raw as string[] };
  return {
    ok: false,
    message: `Expected a list of strings or a comma-separated string, but was '${JSON.stringify(raw)}'`,
  };
}

/**
 * The linked form (zeebe:formDefinition formId) by its binding: the latest version, the one deployed with the
 * process, or the latest with the given version tag.
 */
function linkedForm(
  ctx: BpmnContext,
  instance: ElementInstance,
  task: UserTaskDefinition,
): { ok: true; formKey: number } | Extract<Evaluated, { ok: false }> {
  if (!task.formId) return { ok: true, formKey: -1 };
  const definition = ctx.state.processes.get(instance.processDefinitionKey)!;
  const form =
    task.formBinding === 'deployment'
      ? ctx.state.forms.inDeployment(task.formId, definition.deploymentKey)
      : task.formBinding === 'versionTag'
        ? ctx.state.forms.withVersionTag(task.formId, task.formVersionTag ?? '')
        : ctx.state.forms.latest(task.formId);
  if (form) return { ok: true, formKey: form.key };
  const how = task.formBinding === 'versionTag' ? ` with version tag '${task.formVersionTag}'` : '';
  return {
    ok: false,
    errorType: 'FORM_NOT_FOUND',
    message: `Expected to find a form with id '${task.formId}'${how}, but no such form is deployed${task.formBinding === 'deployment' ? ' in the deployment of this process' : ''}`,
  };
}
