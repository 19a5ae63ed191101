import { evaluateValue } from '../../../feel/feel-evaluator';
import type { ExecutableElement } from '../../../model/executable-model';
import type { ElementInstance } from '../../../state/entities';
import { broadcastSignal } from '../../signal/signal-broadcast';
import { compensate } from '../behavior/compensation-behavior';
import { enter, leave, terminateLeaf } from '../behavior/activity-behavior';
import { completeElement, transitionToActivated, transitionToCompleted } from '../behavior/element-lifecycle';
import { throwError, uncaughtErrorMessage } from '../behavior/error-behavior';
import { throwEscalation } from '../behavior/escalation-behavior';
import { activateInScope } from '../behavior/flow-behavior';
import { raiseIncident } from '../behavior/incident-behavior';
import { applyOutputMappings, visibleVariables } from '../behavior/variable-behavior';
import type { BpmnContext, ElementProcessor } from '../bpmn-context';

/** Intermediate throw and end events that send something: a signal, an escalation, an error, a link. */

function evaluateCode(
  ctx: BpmnContext,
  instance: ElementInstance,
  value: Parameters<typeof evaluateValue>[0] | undefined,
): string | undefined {
  if (!value) return '';
  const result = evaluateValue(value, visibleVariables(ctx, instance.key), 'STRING');
  if (result.ok) return String(result.value);
  raiseIncident(ctx, instance, 'EXTRACT_VALUE_ERROR', result.message);
  return undefined;
}

/** Signal throw/end event: broadcasts its local variables (set by input mappings), then goes on. */
export const signalThrowProcessor: ElementProcessor = {
  onActivate(ctx, element, instance) {
    if (!enter(ctx, element, instance)) return;
    const name = evaluateCode(ctx, instance, element.signal?.name);
    if (name === undefined) return;
    transitionToActivated(ctx, instance);
    const locals = Object.fromEntries(
      [...(ctx.state.variables.local(instance.key)?.values() ?? [])].map((v) => [v.name, v.value]),
    );
    broadcastSignal(ctx, name, locals, instance.tenantId);
    completeElement(ctx, instance);
  },
  onComplete: leave,
  onTerminate: terminateLeaf,
};

/** Escalation throw/end event: goes on unless an interrupting catch ended its scope. */
export const escalationThrowProcessor: ElementProcessor = {
  onActivate(ctx, element, instance) {
    if (!enter(ctx, element, instance)) return;
    const code = evaluateCode(ctx, instance, element.escalation?.escalationCode);
    if (code === undefined) return;
    transitionToActivated(ctx, instance);
    if (throwEscalation(ctx, instance, code) === 'continue') completeElement(ctx, instance);
  },
  onComplete: leave,
  onTerminate: terminateLeaf,
};

/** Error end event: the error is caught outward, or it is an incident on the end event. */
export const errorEndEventProcessor: ElementProcessor = {
  onActivate(ctx, element, instance) {
    if (!enter(ctx, element, instance)) return;
    const code = evaluateCode(ctx, instance, element.error?.errorCode);
    if (code === undefined) return;
    if (!throwError(ctx, instance, code, '', {})) {
      raiseIncident(ctx, instance, 'UNHANDLED_ERROR_EVENT', uncaughtErrorMessage(code, ''));
    }
  },
  onComplete: leave,
  onTerminate: terminateLeaf,
};

function linkTarget(ctx: BpmnContext, element: ExecutableElement, instance: ElementInstance): string {
  const model = ctx.state.processes.model(instance.processDefinitionKey);
  for (const candidate of model.elements.values()) {
    if (
      candidate.kind === 'intermediateCatchEvent' &&
      candidate.eventKind === 'link' &&
      candidate.flowScopeId === element.flowScopeId &&
      candidate.link?.name === element.link?.name
    ) {
      return candidate.id;
    }
  }
  throw new Error(`link '${element.link?.name}' has no catch event (deployment validation should have refused it)`);
}

/** Link throw event: the token jumps to the link catch event of the same name in the same scope. */
export const linkThrowProcessor: ElementProcessor = {
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
    // Queued before completing, so that the scope does not complete in between.
    activateInScope(ctx, ctx.state.elementInstances.get(instance.flowScopeKey)!, linkTarget(ctx, element, instance), 0);
    transitionToCompleted(ctx, element, instance, []);
  },
  onTerminate: terminateLeaf,
};

/**
 * Compensation throw or end event: starts the compensation handlers of its scope's completed activities and,
 * unless told not to wait, completes when they have (see compensation-behavior).
 */
export const compensationThrowProcessor: ElementProcessor = {
  onActivate(ctx, element, instance) {
    if (!enter(ctx, element, instance)) return;
    transitionToActivated(ctx, instance);
    const started = compensate(ctx, element, instance);
    if (started === 0 || element.compensation?.waitForCompletion === false) completeElement(ctx, instance);
  },
  onComplete: leave,
  onTerminate: terminateLeaf,
};
