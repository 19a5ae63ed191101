import { completeElement, transitionToActivated } from '../behavior/element-lifecycle';
import { enter, leave, terminateLeaf } from '../behavior/activity-behavior';
import type { ElementProcessor } from '../bpmn-context';

/**
 * Elements that do nothing but pass the token on, with their mappings: a task without type, a manual task, a none
 * intermediate throw event, a none start or end event.
 */
export const passThroughProcessor: ElementProcessor = {
  onActivate(ctx, element, instance) {
    if (!enter(ctx, element, instance)) return;
    transitionToActivated(ctx, instance);
    completeElement(ctx, instance);
  },
  onComplete: leave,
  onTerminate: terminateLeaf,
};
