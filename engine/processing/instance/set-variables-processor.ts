import type { Variables } from '../../engine-api';
import { notFound } from '../../errors';
import { mergeLocal, propagate } from '../bpmn/behavior/variable-behavior';
import type { CommandProcessor } from '../command-context';

/** SetVariables: local writes into the given scope only; otherwise each variable propagates from that scope. */
export const setVariablesProcessor: CommandProcessor<
  { elementInstanceKey: number; variables: Variables; local: boolean },
  number
> = (ctx, { elementInstanceKey, variables, local }) => {
  const scope = ctx.state.elementInstances.get(elementInstanceKey);
  if (!scope) {
    throw notFound(
      `Expected to update variables for element with key '${elementInstanceKey}', but no such element was found`,
    );
  }
  const key = ctx.state.keys.next();
  ctx.writer.append('VARIABLE_DOCUMENT', 'UPDATED', key, {
    scopeKey: elementInstanceKey,
    processInstanceKey: scope.processInstanceKey,
    updateSemantics: local ? 'LOCAL' : 'PROPAGATE',
    variables,
    tenantId: scope.tenantId,
  });
  if (local) mergeLocal(ctx, elementInstanceKey, variables);
  else propagate(ctx, elementInstanceKey, variables);
  return key;
};
