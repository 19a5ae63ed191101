import { completeElement, transitionToActivated, transitionToCompleted } from '../behavior/element-lifecycle';
import { terminateLeaf } from '../behavior/activity-behavior';
import type { ElementProcessor } from '../bpmn-context';

/** Parallel gateway: takes every outgoing flow; its join (see flow-behavior) waits for each incoming flow. */
export const parallelGatewayProcessor: ElementProcessor = {
  onActivate(ctx, _element, instance) {
    transitionToActivated(ctx, instance);
    completeElement(ctx, instance);
  },
  onComplete: (ctx, element, instance) => transitionToCompleted(ctx, element, instance),
  onTerminate: terminateLeaf,
};
