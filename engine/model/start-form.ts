import type { ExecutableElement, ExecutableProcess } from './executable-model';

/** The form the process's none start event links (`zeebe:formDefinition` on it), if it links one. */
export function noneStartForm(model: ExecutableProcess): ExecutableElement['startForm'] {
  const startId = model.elements.get(model.bpmnProcessId)?.noneStartEventId;
  return startId ? model.elements.get(startId)?.startForm : undefined;
}

/** Camunda's `hasStartForm`: the none start event links a form by id (a deployed form) or by key (embedded). */
export function hasStartForm(model: ExecutableProcess): boolean {
  const form = noneStartForm(model);
  return Boolean(form?.formId || form?.formKey);
}
