import type { Variables } from '../../../engine-api';
import type { ElementInstance } from '../../../state/entities';
import type { BpmnContext } from '../bpmn-context';
import { completeElement, elementOf } from './element-lifecycle';
import { mergeLocal, propagate } from './variable-behavior';

/**
 * A called process instance ended: its call activity goes on (docs/zeebe-rules.md §2.8). With output mappings the
 * child's variables are the call activity's locals and only the mapped targets reach the caller; without them, all
 * child variables propagate when propagateAllChildVariables is set, none otherwise.
 */
export function returnToCaller(ctx: BpmnContext, child: ElementInstance, variables: Variables): void {
  const caller = ctx.state.elementInstances.get(child.parentElementInstanceKey!);
  if (caller?.state !== 'ELEMENT_ACTIVATED') return;
  const element = elementOf(ctx, caller);
  if (element.outputMappings.length > 0) mergeLocal(ctx, caller.key, variables);
  else if (element.calledElement?.propagateAllChildVariables !== false) propagate(ctx, caller.key, variables);
  completeElement(ctx, caller);
}
