import { invalidArgument } from '../../../errors';
import type * as proto from '../proto-types';
import { unary } from '../rpc-call';
import { parseJsonField, parseKey } from '../wire-values';
import type { HandlerContext, RpcHandlers } from './handler-context';

/** ModifyProcessInstance and MigrateProcessInstance. */
export function modificationHandlers({ engine, log }: HandlerContext): RpcHandlers {
  return {
    ModifyProcessInstance: unary<proto.ModifyProcessInstanceRequest, proto.Empty>(
      'ModifyProcessInstance',
      log,
      async (req) => {
        await engine.modifyProcessInstance({
          processInstanceKey: parseKey(req.processInstanceKey, 'processInstanceKey'),
          activate: (req.activateInstructions ?? []).map((a) => ({
            elementId: a.elementId,
            ancestorElementInstanceKey:
              a.ancestorElementInstanceKey &&
              a.ancestorElementInstanceKey !== '0' &&
              a.ancestorElementInstanceKey !== '-1'
                ? parseKey(a.ancestorElementInstanceKey, 'ancestorElementInstanceKey')
                : undefined,
            variables: (a.variableInstructions ?? []).map((v) => ({
              scopeId: v.scopeId,
              variables: parseJsonField(v.variables, 'variables'),
            })),
          })),
          terminate: (req.terminateInstructions ?? []).map((t) => parseKey(t.elementInstanceKey, 'elementInstanceKey')),
        });
        return {};
      },
    ),
    MigrateProcessInstance: unary<proto.MigrateProcessInstanceRequest, proto.Empty>(
      'MigrateProcessInstance',
      log,
      async (req) => {
        if (!req.migrationPlan) throw invalidArgument('Expected a migration plan, but none was given');
        await engine.migrateProcessInstance({
          processInstanceKey: parseKey(req.processInstanceKey, 'processInstanceKey'),
          targetProcessDefinitionKey: parseKey(
            req.migrationPlan.targetProcessDefinitionKey,
            'targetProcessDefinitionKey',
          ),
          mappings: req.migrationPlan.mappingInstructions ?? [],
        });
        return {};
      },
    ),
  };
}
