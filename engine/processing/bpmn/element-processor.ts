import type { ExecutableElement } from '../../model/executable-model';
import type { ElementInstance } from '../../state/entities';
import type { BpmnContext } from './bpmn-context';

/**
 * The behaviour of one BPMN element kind. Each hook is entered with the instance in the matching state and may be
 * entered again after an incident on that step is resolved, so hooks must be safe to repeat.
 */
export interface ElementProcessor {
  /** The instance is ELEMENT_ACTIVATING. */
  onActivate(ctx: BpmnContext, element: ExecutableElement, instance: ElementInstance): void;
  /** The instance is ELEMENT_COMPLETING. `flowIds`: the outgoing flows to take, when the element chose them. */
  onComplete(ctx: BpmnContext, element: ExecutableElement, instance: ElementInstance, flowIds?: string[]): void;
  /** The instance is ELEMENT_TERMINATING. */
  onTerminate(ctx: BpmnContext, element: ExecutableElement, instance: ElementInstance): void;
  /** Containers: one of the instance's children completed or was terminated. */
  onChildFinished?(ctx: BpmnContext, element: ExecutableElement, instance: ElementInstance): void;
}
