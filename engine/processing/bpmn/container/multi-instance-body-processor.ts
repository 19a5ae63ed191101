import { evaluateFeel } from '../../../feel/feel-evaluator';
import {
  completeElement,
  terminateElement,
  transitionToActivated,
  transitionToCompleted,
  transitionToTerminated,
} from '../behavior/element-lifecycle';
import { raiseIncident } from '../behavior/incident-behavior';
import { activateInner, takeConditionHeld } from '../behavior/multi-instance-behavior';
import { openSubscriptions } from '../behavior/subscription-behavior';
import { propagate, setVariable, visibleVariables } from '../behavior/variable-behavior';
import type { ElementProcessor } from '../bpmn-context';
import { terminateChildren } from './container-behavior';

/** The multi-instance body of an activity (see multi-instance-behavior). */
export const multiInstanceBodyProcessor: ElementProcessor = {
  onActivate(ctx, element, body) {
    const opened = openSubscriptions(ctx, element, body, false);
    if (!opened.ok) return raiseIncident(ctx, body, 'EXTRACT_VALUE_ERROR', opened.message);
    const loop = element.multiInstance!;
    const collection = evaluateFeel(loop.inputCollection ?? '', visibleVariables(ctx, body.key), 'ARRAY');
    if (!collection.ok) return raiseIncident(ctx, body, 'EXTRACT_VALUE_ERROR', collection.message);
    const items = collection.value as unknown[];
    transitionToActivated(ctx, body, { loopCollection: items });
    if (loop.outputCollection)
      setVariable(
        ctx,
        body.key,
        loop.outputCollection,
        items.map(() => null),
      );
    if (items.length === 0) return completeElement(ctx, body);
    const first = loop.sequential ? 1 : items.length;
    for (let index = 0; index < first; index++) activateInner(ctx, element, body, index);
  },
  onComplete(ctx, element, body) {
    const name = element.multiInstance!.outputCollection;
    if (name) propagate(ctx, body.flowScopeKey, { [name]: ctx.state.variables.get(body.key, name)?.value ?? [] });
    transitionToCompleted(ctx, element, body);
  },
  onTerminate: (ctx, _element, body) => terminateChildren(ctx, body),
  onChildFinished(ctx, element, body) {
    const done = takeConditionHeld(ctx, body.key);
    if (body.state === 'ELEMENT_TERMINATING') {
      if (body.activeChildren === 0) transitionToTerminated(ctx, body);
      return;
    }
    if (body.state !== 'ELEMENT_ACTIVATED') return;
    if (done) {
      for (const inner of ctx.state.elementInstances.childrenOf(body.key)) terminateElement(ctx, inner);
    } else if (
      element.multiInstance!.sequential &&
      body.activeChildren === 0 &&
      body.loop!.activated < body.loop!.collection.length
    ) {
      return activateInner(ctx, element, body, body.loop!.activated);
    }
    const current = ctx.state.elementInstances.get(body.key);
    const inFlight = ctx.inFlight.get(body.key)?.size ?? 0;
    if (current?.state === 'ELEMENT_ACTIVATED' && current.activeChildren === 0 && inFlight === 0)
      completeElement(ctx, current);
  },
};
