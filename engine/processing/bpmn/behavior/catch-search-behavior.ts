import type { ExecutableElement, ValueOrExpression } from '../../../model/executable-model';
import type { ElementInstance } from '../../../state/entities';
import type { BpmnContext, EventTrigger } from '../bpmn-context';
import { elementOf, modelOf } from './element-lifecycle';
import { activateBoundaryEvent, activateEventSubProcess } from './event-trigger-behavior';
import { isBody, isInnerInstance } from './multi-instance-behavior';

/**
 * Errors and escalations look for their catch event from a scope outward (docs/zeebe-rules.md §8): at each level the
 * event subprocesses inside it, then the boundary events attached to it; an exact code beats a catch-all.
 */

export type CatchKind = 'error' | 'escalation';

function catchCode(element: ExecutableElement, kind: CatchKind): string | undefined {
  const code: ValueOrExpression | undefined =
    kind === 'error' ? element.error?.errorCode : element.escalation?.escalationCode;
  return code?.kind === 'static' && code.value !== '' ? code.value : undefined;
}

/** The catch event for `code` at one level (an element instance), if any. */
function catcherAt(
  ctx: BpmnContext,
  level: ElementInstance,
  kind: CatchKind,
  code: string,
): ExecutableElement | undefined {
  const model = modelOf(ctx, level);
  const element = elementOf(ctx, level);
  const candidates: ExecutableElement[] = [];
  // A multi-instance activity: its boundary events are the body's, its event subprocesses each inner instance's.
  for (const id of isBody(level) ? [] : (element.eventSubProcessIds ?? [])) {
    const start = model.elements.get(model.elements.get(id)!.startEventId ?? '');
    if (start?.eventKind === kind) candidates.push(start);
  }
  for (const id of isInnerInstance(ctx, level) ? [] : (element.boundaryEventIds ?? [])) {
    const boundary = model.elements.get(id)!;
    if (boundary.eventKind === kind) candidates.push(boundary);
  }
  return (
    candidates.find((c) => catchCode(c, kind) === code) ?? candidates.find((c) => catchCode(c, kind) === undefined)
  );
}

export interface Caught {
  level: ElementInstance;
  catcher: ExecutableElement;
}

/** Searches from `from` outward; answers where the event is caught, or undefined. */
export function findCatch(
  ctx: BpmnContext,
  from: ElementInstance | undefined,
  kind: CatchKind,
  code: string,
): Caught | undefined {
  for (let level = from; level; level = outerLevel(ctx, level)) {
    const catcher = catcherAt(ctx, level, kind, code);
    if (catcher) return { level, catcher };
  }
  return undefined;
}

/** The next level outward: the flow scope, or for a called process instance the call activity that called it. */
function outerLevel(ctx: BpmnContext, level: ElementInstance): ElementInstance | undefined {
  const outer = level.flowScopeKey === -1 ? level.parentElementInstanceKey : level.flowScopeKey;
  return outer === undefined ? undefined : ctx.state.elementInstances.get(outer);
}

/** Whether the catch event interrupts what it is attached to (or its scope). */
export function isInterrupting(catcher: ExecutableElement): boolean {
  return catcher.kind === 'boundaryEvent' ? catcher.cancelActivity !== false : catcher.interrupting !== false;
}

/** Activates the catch event found: a boundary event of the level, or an event subprocess inside it. */
export function activateCatch(ctx: BpmnContext, caught: Caught, trigger: EventTrigger): void {
  if (caught.catcher.kind === 'boundaryEvent') activateBoundaryEvent(ctx, caught.level, caught.catcher, trigger);
  else activateEventSubProcess(ctx, caught.level, caught.catcher, trigger);
}
