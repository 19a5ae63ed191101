import { completeElement, transitionToActivated, transitionToCompleted } from '../behavior/element-lifecycle';
import { terminateLeaf } from '../behavior/activity-behavior';
import type { ElementProcessor } from '../bpmn-context';
import { chooseFlows } from './condition-behavior';

/** Exclusive gateway: the first flow whose condition is true, else the default flow. Joining just passes through. */
export const exclusiveGatewayProcessor: ElementProcessor = {
  onActivate(ctx, element, instance) {
    const flows = chooseFlows(ctx, element, instance, 'first');
    if (!flows) return;
    transitionToActivated(ctx, instance);
    completeElement(ctx, instance, flows);
  },
  onComplete: (ctx, element, instance, flowIds) => transitionToCompleted(ctx, element, instance, flowIds),
  onTerminate: terminateLeaf,
};
