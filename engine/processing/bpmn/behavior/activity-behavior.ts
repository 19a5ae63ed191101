import type { ExecutableElement } from '../../../model/executable-model';
import type { ElementInstance } from '../../../state/entities';
import type { BpmnContext } from '../bpmn-context';
import { transitionToCompleted, transitionToTerminated } from './element-lifecycle';
import { beginListeners, listenersCompleted } from './execution-listener-behavior';
import { raiseIncident } from './incident-behavior';
import { openSubscriptions } from './subscription-behavior';
import { applyInputMappings, applyOutputMappings } from './variable-behavior';

/** The steps most elements share: mappings on the way in and out, and plain termination. */

/**
 * Applies input mappings, runs the start execution listeners, then opens the instance's event subscriptions (its
 * boundary events', its event subprocesses', and with `ownEvent` its own); answers false when the instance must
 * wait (for a listener, or on an incident). Once the listeners are done, entering again goes on from there.
 */
export function enter(
  ctx: BpmnContext,
  element: ExecutableElement,
  instance: ElementInstance,
  ownEvent = false,
): boolean {
  if (!listenersCompleted(element, instance, 'start')) {
    const mapped = applyInputMappings(ctx, instance, element.inputMappings);
    if (!mapped.ok) {
      raiseIncident(ctx, instance, 'IO_MAPPING_ERROR', mapped.message);
      return false;
    }
    if (beginListeners(ctx, element, instance, 'start')) return false;
  }
  const opened = openSubscriptions(ctx, element, instance, ownEvent);
  if (!opened.ok) {
    raiseIncident(ctx, instance, 'EXTRACT_VALUE_ERROR', opened.message);
    return false;
  }
  return true;
}

/**
 * Applies output mappings, runs the end execution listeners, and completes; on failure raises an incident and
 * the instance stays COMPLETING.
 */
export function leave(
  ctx: BpmnContext,
  element: ExecutableElement,
  instance: ElementInstance,
  flowIds?: string[],
): void {
  if (!listenersCompleted(element, instance, 'end')) {
    const result = applyOutputMappings(ctx, instance, element.outputMappings);
    if (!result.ok) {
      raiseIncident(ctx, instance, 'IO_MAPPING_ERROR', result.message);
      return;
    }
    if (beginListeners(ctx, element, instance, 'end')) return;
  }
  transitionToCompleted(ctx, element, instance, flowIds);
}

export function terminateLeaf(ctx: BpmnContext, _element: ExecutableElement, instance: ElementInstance): void {
  transitionToTerminated(ctx, instance);
}
