import { enter, leave } from '../behavior/activity-behavior';
import { transitionToActivated } from '../behavior/element-lifecycle';
import type { ElementProcessor } from '../bpmn-context';
import { onChildFinished, startChildren, terminateChildren } from './container-behavior';

/** Embedded subprocess: a scope of its own; its locals do not propagate, only its output mappings do. */
export const subProcessProcessor: ElementProcessor = {
  onActivate(ctx, element, instance) {
    if (!enter(ctx, element, instance)) return;
    transitionToActivated(ctx, instance);
    startChildren(ctx, element, instance);
  },
  onComplete: leave,
  onTerminate: (ctx, _element, instance) => terminateChildren(ctx, instance),
  onChildFinished,
};
