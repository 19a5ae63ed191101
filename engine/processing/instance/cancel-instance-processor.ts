import { failedPrecondition, notFound } from '../../errors';
import { terminateElement } from '../bpmn/behavior/element-lifecycle';
import type { CommandProcessor } from '../command-context';

/** Cancels a running process instance: every element instance in it is terminated, jobs included. */
export const cancelInstanceProcessor: CommandProcessor<{ processInstanceKey: number }, void> = (
  ctx,
  { processInstanceKey },
) => {
  const instance = ctx.state.elementInstances.get(processInstanceKey);
  if (!instance || instance.flowScopeKey !== -1 || instance.state === 'ELEMENT_TERMINATING') {
    throw notFound(
      `Expected to cancel a process instance with key '${processInstanceKey}', but no such process instance was found`,
    );
  }
  if (instance.parentProcessInstanceKey !== undefined) {
    throw failedPrecondition(
      `Expected to cancel a process instance with key '${processInstanceKey}', but it was called by process instance '${instance.parentProcessInstanceKey}'; cancel that (root) instance instead`,
    );
  }
  terminateElement(ctx, instance);
};
