import type { ExecutableElement } from '../../../model/executable-model';
import type { ElementProcessor } from '../bpmn-context';

/**
 * One element kind, two behaviours chosen by the model (a FEEL script or a job, a called decision or a job, a
 * Zeebe user task or a job): every hook goes to the processor `choose` picks for the element.
 */
export function processorByElement(choose: (element: ExecutableElement) => ElementProcessor): ElementProcessor {
  return {
    onActivate: (ctx, element, instance) => choose(element).onActivate(ctx, element, instance),
    onComplete: (ctx, element, instance, flowIds) => choose(element).onComplete(ctx, element, instance, flowIds),
    onTerminate: (ctx, element, instance) => choose(element).onTerminate(ctx, element, instance),
  };
}
