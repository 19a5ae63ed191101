import { transitionToActivated, transitionToCompleted } from '../behavior/element-lifecycle';
import { returnToCaller } from '../behavior/call-activity-behavior';
import { raiseIncident } from '../behavior/incident-behavior';
import { openSubscriptions } from '../behavior/subscription-behavior';
import { visibleVariables } from '../behavior/variable-behavior';
import type { ElementProcessor } from '../bpmn-context';
import { onChildFinished, startChildren, terminateChildren } from './container-behavior';

/** The process itself: activated first, completed last; its root scope holds the instance's variables. */
export const processProcessor: ElementProcessor = {
  onActivate(ctx, element, instance) {
    // The process's own event subprocesses start listening with it.
    const opened = openSubscriptions(ctx, element, instance, false);
    if (!opened.ok) {
      raiseIncident(ctx, instance, 'EXTRACT_VALUE_ERROR', opened.message);
      return;
    }
    transitionToActivated(ctx, instance);
    startChildren(ctx, element, instance);
  },
  onComplete(ctx, element, instance) {
    const variables = visibleVariables(ctx, instance.key);
    ctx.effects.completedInstances.set(instance.key, variables);
    transitionToCompleted(ctx, element, instance, []);
    if (instance.parentElementInstanceKey !== undefined) returnToCaller(ctx, instance, variables);
  },
  onTerminate: (ctx, _element, instance) => terminateChildren(ctx, instance),
  onChildFinished,
};
