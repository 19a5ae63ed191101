/**
 * A task completed through the API is checked against its form first, as the tasklist's browser form would, and
 * more strictly than the engine: the submission may hold only the form's editable fields (no other key, no
 * read-only or disabled field, never a case identity key), every decision field given; the form's defaults fill
 * what is left out; the values are then checked with the task's variables under them. A task without a form
 * accepts no variables (decision 0027).
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { userTaskVariables } from '../../lib/camunda/engine-api';
import { appClock } from '../../lib/clock/app-clock';
import { validationError } from '../../lib/errors/app-error';
import { checkSubmittedKeys, withFormDefaults } from '../../lib/forms/form-submission';
import { formComponents, validateFormData, type FormViolation } from '../../lib/forms/form-validation';
import { CASE_IDENTITY_KEYS } from './case-identity';

/** A user task's variables as values (the engine answers them as JSON text). */
export async function taskVariables(camunda: CamundaClients, userTaskKey: string): Promise<Record<string, unknown>> {
  return userTaskVariables(camunda, userTaskKey, 1000);
}

/** A user task's deployed form (`{formKey, schema}` as the engine serves it, the schema parsed), or null. */
export async function taskForm(
  camunda: CamundaClients,
  userTaskKey: string,
): Promise<{ formKey: string | null; schema: unknown } | null> {
  const form = await camunda.cluster.getUserTaskForm({ userTaskKey }, { consistency: { waitUpToMs: 0 } });
  if (!form?.schema) return null;
  const schema: unknown = typeof form.schema === 'string' ? JSON.parse(form.schema) : form.schema;
  return { formKey: (form as { formKey?: string }).formKey ?? null, schema };
}

const identityViolations = (submitted: Record<string, unknown>): FormViolation[] =>
  Object.keys(submitted)
    .filter((key) => CASE_IDENTITY_KEYS.has(key))
    .map((key) => ({
      field: key,
      label: key,
      message: '案件标识与应收金额不能在任务中修改 / identifies the case or what it owes: never changed from a task',
    }));

const noFormViolations = (submitted: Record<string, unknown>): FormViolation[] =>
  Object.keys(submitted).map((key) => ({
    field: key,
    label: key,
    message: '该任务没有表单，不接受变量 / this task has no form and takes no variables: leave it out',
  }));

function refuse(violations: FormViolation[]): never {
  const summary = violations.map((v) => `${v.label}: ${v.message}`).join('; ');
  throw validationError(`表单校验未通过 / the form is not filled in correctly — ${summary}`, violations);
}

/** The variables to complete the task with: the submitted ones with the form's defaults; 400 naming each wrong field. */
export async function checkTaskForm(
  camunda: CamundaClients,
  userTaskKey: string,
  submitted: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const identity = identityViolations(submitted);
  if (identity.length > 0) refuse(identity);
  const components = formComponents((await taskForm(camunda, userTaskKey))?.schema);
  if (components.length === 0) {
    const violations = noFormViolations(submitted);
    if (violations.length > 0) refuse(violations);
    return {};
  }
  const existing = await taskVariables(camunda, userTaskKey);
  const keyViolations = checkSubmittedKeys(components, submitted, { ...existing, ...submitted });
  if (keyViolations.length > 0) refuse(keyViolations);
  const variables = withFormDefaults(components, submitted, existing);
  const violations = validateFormData(components, { ...existing, ...variables }, appClock.now());
  if (violations.length > 0) refuse(violations);
  return variables;
}
