import { enter, leave, terminateLeaf } from '../behavior/activity-behavior';
import { completeElement, transitionToActivated } from '../behavior/element-lifecycle';
import { applyTrigger } from '../behavior/event-trigger-behavior';
import { takeTrigger } from '../behavior/held-event-behavior';
import type { ElementProcessor } from '../bpmn-context';

/**
 * Start events and boundary events: activated by what triggered them (or, for a none start event, by the start of
 * their scope), they take the event's variables and complete at once.
 */
export const triggeredEventProcessor: ElementProcessor = {
  onActivate(ctx, element, instance) {
    const trigger = takeTrigger(ctx, instance);
    if (!enter(ctx, element, instance)) return;
    transitionToActivated(ctx, instance);
    if (trigger) applyTrigger(ctx, element, instance, trigger);
    completeElement(ctx, instance);
  },
  onComplete: leave,
  onTerminate: terminateLeaf,
};
