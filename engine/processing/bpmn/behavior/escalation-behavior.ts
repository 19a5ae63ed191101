import type { ElementInstance } from '../../../state/entities';
import type { BpmnContext } from '../bpmn-context';
import { activateCatch, findCatch, isInterrupting } from './catch-search-behavior';

/**
 * Throws an escalation from an intermediate throw or end event (docs/zeebe-rules.md §8.4). Answers 'continue' when the
 * thrower goes on (caught by a non-interrupting event, or not caught at all: that is no incident), 'interrupted'
 * when an interrupting catch ended the thrower's scope.
 */
export function throwEscalation(
  ctx: BpmnContext,
  thrower: ElementInstance,
  escalationCode: string,
): 'continue' | 'interrupted' {
  const caught = findCatch(ctx, ctx.state.elementInstances.get(thrower.flowScopeKey), 'escalation', escalationCode);
  ctx.writer.append('ESCALATION', caught ? 'ESCALATED' : 'NOT_ESCALATED', ctx.state.keys.next(), {
    escalationCode,
    processInstanceKey: thrower.processInstanceKey,
    throwElementId: thrower.elementId,
    catchElementId: caught?.catcher.id ?? null,
  });
  if (!caught) return 'continue';
  activateCatch(ctx, caught, { variables: {}, local: false });
  return isInterrupting(caught.catcher) ? 'interrupted' : 'continue';
}
