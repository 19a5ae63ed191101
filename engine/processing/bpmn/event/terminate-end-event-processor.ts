import { enter, terminateLeaf } from '../behavior/activity-behavior';
import {
  completeElement,
  terminateElement,
  transitionToActivated,
  transitionToCompleted,
} from '../behavior/element-lifecycle';
import { raiseIncident } from '../behavior/incident-behavior';
import { applyOutputMappings } from '../behavior/variable-behavior';
import type { ElementProcessor } from '../bpmn-context';

/** Terminate end event: every other element instance of its flow scope is terminated, then the scope completes. */
export const terminateEndEventProcessor: ElementProcessor = {
  onActivate(ctx, element, instance) {
    if (!enter(ctx, element, instance)) return;
    transitionToActivated(ctx, instance);
    completeElement(ctx, instance);
  },
  onComplete(ctx, element, instance) {
    const mapped = applyOutputMappings(ctx, instance, element.outputMappings);
    if (!mapped.ok) {
      raiseIncident(ctx, instance, 'IO_MAPPING_ERROR', mapped.message);
      return;
    }
    for (const sibling of ctx.state.elementInstances.childrenOf(instance.flowScopeKey)) {
      if (sibling.key !== instance.key) terminateElement(ctx, sibling);
    }
    transitionToCompleted(ctx, element, instance, [], { terminateEnd: true });
  },
  onTerminate: terminateLeaf,
};
