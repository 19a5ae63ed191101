import { terminateLeaf } from '../behavior/activity-behavior';
import { transitionToActivated, transitionToCompleted } from '../behavior/element-lifecycle';
import { raiseIncident } from '../behavior/incident-behavior';
import { openSubscriptions } from '../behavior/subscription-behavior';
import type { ElementProcessor } from '../bpmn-context';

/**
 * Event-based gateway: waits on the events of the catch events after it; the first to happen wins, the gateway
 * completes along that flow and the others' subscriptions close (see event-trigger-behavior).
 */
export const eventBasedGatewayProcessor: ElementProcessor = {
  onActivate(ctx, element, instance) {
    const opened = openSubscriptions(ctx, element, instance, false);
    if (!opened.ok) {
      raiseIncident(ctx, instance, 'EXTRACT_VALUE_ERROR', opened.message);
      return;
    }
    transitionToActivated(ctx, instance);
  },
  onComplete: (ctx, element, instance, flowIds) => transitionToCompleted(ctx, element, instance, flowIds),
  onTerminate: terminateLeaf,
};
