import { enter, leave } from '../behavior/activity-behavior';
import { transitionToActivated } from '../behavior/element-lifecycle';
import { leaveTrigger, takeTrigger } from '../behavior/held-event-behavior';
import { activateInScope } from '../behavior/flow-behavior';
import type { ElementProcessor } from '../bpmn-context';
import { onChildFinished, terminateChildren } from './container-behavior';

/** An event subprocess: started by its start event's trigger, which it hands on to that start event. */
export const eventSubProcessProcessor: ElementProcessor = {
  onActivate(ctx, element, instance) {
    const trigger = takeTrigger(ctx, instance);
    if (!enter(ctx, element, instance)) return;
    transitionToActivated(ctx, instance);
    if (trigger) leaveTrigger(ctx, instance.key, element.startEventId!, trigger);
    activateInScope(ctx, instance, element.startEventId!, 0);
  },
  onComplete: leave,
  onTerminate: (ctx, _element, instance) => terminateChildren(ctx, instance),
  onChildFinished,
};
