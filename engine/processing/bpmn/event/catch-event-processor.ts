import { enter, leave, terminateLeaf } from '../behavior/activity-behavior';
import { completeElement, transitionToActivated } from '../behavior/element-lifecycle';
import { applyTrigger } from '../behavior/event-trigger-behavior';
import { takeTrigger } from '../behavior/held-event-behavior';
import type { ElementProcessor } from '../bpmn-context';

/**
 * An intermediate catch event (message, timer, signal) or a receive task: it waits on its own subscription, and
 * completes with the event's variables. After an event-based gateway it is activated by the event and completes
 * at once. A link catch event just passes the token on.
 */
export const catchEventProcessor: ElementProcessor = {
  onActivate(ctx, element, instance) {
    const trigger = takeTrigger(ctx, instance);
    const waits = !trigger && element.eventKind !== 'link';
    if (!enter(ctx, element, instance, waits)) return;
    transitionToActivated(ctx, instance);
    if (waits) return;
    if (trigger) applyTrigger(ctx, element, instance, trigger);
    completeElement(ctx, instance);
  },
  onComplete: leave,
  onTerminate: terminateLeaf,
};
