import { evaluateValue } from '../../../feel/feel-evaluator';
import { enter, leave } from '../behavior/activity-behavior';
import { terminateElement, transitionToActivated, transitionToTerminated } from '../behavior/element-lifecycle';
import { raiseIncident } from '../behavior/incident-behavior';
import { visibleVariables } from '../behavior/variable-behavior';
import type { ElementProcessor } from '../bpmn-context';

/**
 * Call activity: starts an instance of the latest version of the called process (at its none start event) with
 * the caller's variables (all visible ones, or only the call activity's locals), and completes when it completes
 * (see call-activity-behavior). Terminating it terminates the called instance first.
 */
export const callActivityProcessor: ElementProcessor = {
  onActivate(ctx, element, instance) {
    if (!enter(ctx, element, instance)) return;
    const called = element.calledElement!;
    const visible = visibleVariables(ctx, instance.key);
    const processId = evaluateValue(called.processId, visible, 'STRING');
    if (!processId.ok) {
      raiseIncident(ctx, instance, 'EXTRACT_VALUE_ERROR', processId.message);
      return;
    }
    const definition = ctx.state.processes.latest(String(processId.value));
    if (!definition) {
      raiseIncident(
        ctx,
        instance,
        'CALLED_ELEMENT_ERROR',
        `Expected process with BPMN process id '${processId.value}' to be deployed, but not found.`,
      );
      return;
    }
    const model = ctx.state.processes.model(definition.key);
    if (!model.elements.get(model.bpmnProcessId)!.noneStartEventId) {
      raiseIncident(
        ctx,
        instance,
        'CALLED_ELEMENT_ERROR',
        `Expected process with BPMN process id '${processId.value}' to have a none start event, but it has none.`,
      );
      return;
    }
    const locals = Object.fromEntries(
      [...(ctx.state.variables.local(instance.key)?.values() ?? [])].map((v) => [v.name, v.value]),
    );
    const childKey = ctx.state.keys.next();
    transitionToActivated(ctx, instance, { calledInstanceKey: childKey });
    ctx.startInstance(definition, {
      key: childKey,
      variables: called.propagateAllParentVariables ? visible : locals,
      tenantId: instance.tenantId,
      parent: { processInstanceKey: instance.processInstanceKey, elementInstanceKey: instance.key },
    });
  },
  onComplete: leave,
  onTerminate(ctx, _element, instance) {
    const child = instance.calledInstanceKey ? ctx.state.elementInstances.get(instance.calledInstanceKey) : undefined;
    // The child's termination tells this call activity when it is done (call-activity-behavior).
    if (child) terminateElement(ctx, child);
    else transitionToTerminated(ctx, instance);
  },
};
