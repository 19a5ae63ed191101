/**
 * A task completed through the API is checked against its form first, as the tasklist's browser form would: the
 * data checked is the task's variables with the submitted ones over them. A task without a form is not checked.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { appClock } from '../../lib/clock/app-clock';
import { validationError } from '../../lib/errors/app-error';
import { formComponents, validateFormData } from '../../lib/forms/form-validation';

/** A user task's variables as values (the engine answers them as JSON text). */
export async function taskVariables(camunda: CamundaClients, userTaskKey: string): Promise<Record<string, unknown>> {
  const found = await camunda.rest.searchUserTaskVariables({ userTaskKey, page: { limit: 1000 } } as never);
  return Object.fromEntries(found.items.map((variable) => [variable.name, JSON.parse(variable.value) as unknown]));
}

export async function checkTaskForm(
  camunda: CamundaClients,
  userTaskKey: string,
  submitted: Record<string, unknown>,
): Promise<void> {
  const form = await camunda.cluster.getUserTaskForm({ userTaskKey }, { consistency: { waitUpToMs: 0 } });
  const components = formComponents(form?.schema);
  if (components.length === 0) return;
  const data = { ...(await taskVariables(camunda, userTaskKey)), ...submitted };
  const violations = validateFormData(components, data, appClock.now());
  if (violations.length === 0) return;
  const summary = violations.map((v) => `${v.label}: ${v.message}`).join('; ');
  throw validationError(`表单校验未通过 / the form is not filled in correctly — ${summary}`, violations);
}
