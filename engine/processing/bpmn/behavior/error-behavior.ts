import type { Variables } from '../../../engine-api';
import type { ElementInstance } from '../../../state/entities';
import type { BpmnContext } from '../bpmn-context';
import { activateCatch, findCatch } from './catch-search-behavior';

/**
 * Throws a BPMN error from an element instance: a job's task (whose own boundary events count) or an error end
 * event (the search starts at its scope). The variables become locals of the catching event. Answers whether it
 * was caught; an uncaught error is the caller's incident.
 */
export function throwError(
  ctx: BpmnContext,
  thrower: ElementInstance,
  errorCode: string,
  errorMessage: string,
  variables: Variables,
): boolean {
  const from = thrower.bpmnElementType === 'END_EVENT' ? ctx.state.elementInstances.get(thrower.flowScopeKey) : thrower;
  const caught = findCatch(ctx, from, 'error', errorCode);
  ctx.writer.append('ERROR', caught ? 'THROWN' : 'UNHANDLED', ctx.state.keys.next(), {
    errorCode,
    errorMessage,
    processInstanceKey: thrower.processInstanceKey,
    elementInstanceKey: thrower.key,
    catchElementId: caught?.catcher.id ?? null,
  });
  if (!caught) return false;
  activateCatch(ctx, caught, { variables, local: true });
  return true;
}

export function uncaughtErrorMessage(errorCode: string, errorMessage: string): string {
  return `Expected to throw an error event with the code '${errorCode}' with message '${errorMessage}', but it was not caught. No error events are available in the scope.`;
}
