import { completeElement, transitionToActivated, transitionToCompleted } from '../behavior/element-lifecycle';
import { terminateLeaf } from '../behavior/activity-behavior';
import type { ElementProcessor } from '../bpmn-context';
import { chooseFlows } from './condition-behavior';

/**
 * Inclusive gateway: forks along every flow whose condition is true (else the default). Its join (see
 * flow-behavior) activates it once no more tokens can arrive.
 */
export const inclusiveGatewayProcessor: ElementProcessor = {
  onActivate(ctx, element, instance) {
    const flows = chooseFlows(ctx, element, instance, 'all');
    if (!flows) return;
    transitionToActivated(ctx, instance);
    completeElement(ctx, instance, flows);
  },
  onComplete: (ctx, element, instance, flowIds) => transitionToCompleted(ctx, element, instance, flowIds),
  onTerminate: terminateLeaf,
};
