import { evaluateValue } from '../../feel/feel-evaluator';
import type { ExecutableProcess } from '../../model/executable-model';
import type { ProcessDefinition } from '../../state/entities';
import type { EventSubscription } from '../../state/event-entities';
import { closeSubscription } from '../bpmn/behavior/subscription-behavior';
import { evaluateTimer, type TimerSchedule } from '../bpmn/behavior/timer-behavior';
import type { BpmnContext } from '../bpmn/bpmn-context';

/**
 * The message, signal and timer start events of the latest version of each process listen; deploying a new
 * version moves them to it, deleting the latest moves them back (docs/zeebe-rules.md §6.5, §7.6, §9.2).
 */

type Planned = { kind: EventSubscription['kind']; catchElementId: string; name?: string; timer?: TimerSchedule };

/** Evaluates what the start events of a model will listen for; a problem is a message for the deployer. */
export function planStartEvents(model: ExecutableProcess, now: number): Planned[] | string {
  const process = model.elements.get(model.bpmnProcessId)!;
  const planned: Planned[] = [];
  const named = (ids: string[] | undefined, kind: 'message' | 'signal'): string | undefined => {
    for (const id of ids ?? []) {
      const element = model.elements.get(id)!;
      const name = evaluateValue(kind === 'message' ? element.message!.name : element.signal!.name, {}, 'STRING');
      if (!name.ok) return `start event '${id}': ${name.message}`;
      planned.push({ kind, catchElementId: id, name: String(name.value) });
    }
    return undefined;
  };
  const problem = named(process.messageStartEventIds, 'message') ?? named(process.signalStartEventIds, 'signal');
  if (problem) return problem;
  for (const id of process.timerStartEventIds ?? []) {
    const timer = evaluateTimer(model.elements.get(id)!.timer!, {}, now);
    if (!timer.ok) return `start event '${id}': ${timer.message}`;
    const { ok: _ok, ...schedule } = timer;
    planned.push({ kind: 'timer', catchElementId: id, timer: schedule });
  }
  return planned;
}

export function openStartEvents(ctx: BpmnContext, definition: ProcessDefinition, planned: Planned[]): void {
  for (const plan of planned) {
    const value = {
      kind: plan.kind,
      elementInstanceKey: -1,
      processInstanceKey: -1,
      processDefinitionKey: definition.key,
      bpmnProcessId: definition.bpmnProcessId,
      tenantId: definition.tenantId,
      catchElementId: plan.catchElementId,
      interrupting: true,
      ...(plan.name !== undefined ? { name: plan.name } : {}),
      ...(plan.timer ?? {}),
    };
    const valueType =
      plan.kind === 'timer'
        ? 'TIMER'
        : plan.kind === 'signal'
          ? 'SIGNAL_SUBSCRIPTION'
          : 'MESSAGE_START_EVENT_SUBSCRIPTION';
    ctx.writer.append(valueType, 'CREATED', ctx.state.keys.next(), value);
  }
}

export function closeStartEvents(ctx: BpmnContext, processDefinitionKey: number): void {
  for (const subscription of ctx.state.subscriptions.ofDefinitionStarts(processDefinitionKey)) {
    closeSubscription(ctx, subscription);
  }
}
