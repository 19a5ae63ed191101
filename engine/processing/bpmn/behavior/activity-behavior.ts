import type { ExecutableElement } from '../../../model/executable-model';
import type { ElementInstance } from '../../../state/entities';
import type { BpmnContext } from '../bpmn-context';
import { transitionToCompleted, transitionToTerminated } from './element-lifecycle';
import { raiseIncident } from './incident-behavior';
import { applyInputMappings, applyOutputMappings } from './variable-behavior';

/** The steps most elements share: mappings on the way in and out, and plain termination. */

/** Applies input mappings; on failure raises an incident and answers false. */
export function enter(ctx: BpmnContext, element: ExecutableElement, instance: ElementInstance): boolean {
  const result = applyInputMappings(ctx, instance, element.inputMappings);
  if (result.ok) return true;
  raiseIncident(ctx, instance, 'IO_MAPPING_ERROR', result.message);
  return false;
}

/** Applies output mappings and completes; on failure raises an incident and the instance stays COMPLETING. */
export function leave(
  ctx: BpmnContext,
  element: ExecutableElement,
  instance: ElementInstance,
  flowIds?: string[],
): void {
  const result = applyOutputMappings(ctx, instance, element.outputMappings);
  if (!result.ok) {
    raiseIncident(ctx, instance, 'IO_MAPPING_ERROR', result.message);
    return;
  }
  transitionToCompleted(ctx, element, instance, flowIds);
}

export function terminateLeaf(ctx: BpmnContext, _element: ExecutableElement, instance: ElementInstance): void {
  transitionToTerminated(ctx, instance);
}
