import type { ElementInstance } from '../../../state/entities';
import type { BpmnContext, EventTrigger } from '../bpmn-context';
import { activateInScope } from './flow-behavior';

/**
 * Events on their way to the element they activate, and interrupting events held until what they interrupt is
 * gone. As Zeebe's event triggers: an interrupting boundary event is activated once its activity is terminated, an
 * interrupting event subprocess once the other children of its scope are. Terminating can wait (a user task's
 * canceling listeners run first), so a held event is state (PROCESS_EVENT TRIGGERING), released with TRIGGERED.
 */

const triggerId = (flowScopeKey: number, elementId: string): string => `${flowScopeKey}:${elementId}`;

/** Leaves an event's variables for an element about to be activated in a scope. */
export function leaveTrigger(ctx: BpmnContext, flowScopeKey: number, elementId: string, trigger: EventTrigger): void {
  ctx.pendingTriggers.set(triggerId(flowScopeKey, elementId), trigger);
}

/** Takes the event waiting for this element instance, if it was activated by one. */
export function takeTrigger(ctx: BpmnContext, instance: ElementInstance): EventTrigger | undefined {
  const id = triggerId(instance.flowScopeKey, instance.elementId);
  const trigger = ctx.pendingTriggers.get(id);
  ctx.pendingTriggers.delete(id);
  return trigger;
}

function processEvent(holder: ElementInstance, targetElementId: string, variables: Record<string, unknown>) {
  return {
    scopeKey: holder.key,
    targetElementId,
    processInstanceKey: holder.processInstanceKey,
    processDefinitionKey: holder.processDefinitionKey,
    interrupting: true,
    variables,
  };
}

/** Holds an interrupting event on the activity it interrupts (a boundary event) or the scope it takes over. */
export function holdEvent(ctx: BpmnContext, holder: ElementInstance, targetElementId: string, trigger: EventTrigger) {
  ctx.writer.append(
    'PROCESS_EVENT',
    'TRIGGERING',
    holder.key,
    processEvent(holder, targetElementId, trigger.variables),
  );
}

/**
 * Activates the event `holder` holds, in `scope`: the holder's flow scope for a boundary event, the holder itself
 * for an event subprocess. Error events hand their variables to the catching element as locals.
 */
export function releaseHeldEvent(ctx: BpmnContext, holder: ElementInstance, scope: ElementInstance): void {
  const held = holder.pendingEvent;
  if (!held) return;
  ctx.writer.append('PROCESS_EVENT', 'TRIGGERED', holder.key, processEvent(holder, held.elementId, held.variables));
  leaveTrigger(ctx, scope.key, held.elementId, { variables: held.variables, local: isErrorCatch(ctx, holder, held) });
  activateInScope(ctx, scope, held.elementId, 0);
}

/** Whether the held event is an error: a boundary error event, or an event subprocess with an error start event. */
function isErrorCatch(ctx: BpmnContext, holder: ElementInstance, held: { elementId: string }): boolean {
  const model = ctx.state.processes.model(holder.processDefinitionKey);
  const target = model.elements.get(held.elementId)!;
  if (target.kind === 'boundaryEvent') return target.eventKind === 'error';
  const start = [...model.elements.values()].find((e) => e.kind === 'startEvent' && e.flowScopeId === target.id);
  return start?.eventKind === 'error';
}
