import { Router } from 'express';
import type { EngineApi } from '../../../engine-api';
import { invalidArgument } from '../../../errors';
import {
  bodyObject,
  optionalArray,
  optionalBoolean,
  optionalKeyOrNone,
  optionalVariables,
  parseKey,
  requiredString,
  type JsonObject,
} from '../request-validation';

/**
 * Repairing running instances: modification (activate / terminate), migration to another definition, and
 * setting variables on an element instance.
 */
export function instanceRepairController(engine: EngineApi): Router {
  const router = Router();
  const objects = (value: unknown[] | undefined, field: string): JsonObject[] =>
    (value ?? []).map((item, i) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        throw invalidArgument(`The field '${field}[${i}]' must be an object.`);
      }
      return item as JsonObject;
    });

  router.post('/process-instances/:processInstanceKey/modification', async (req, res) => {
    const body = bodyObject(req.body);
    await engine.modifyProcessInstance({
      processInstanceKey: parseKey(req.params.processInstanceKey, 'process instance key'),
      activate: objects(optionalArray(body, 'activateInstructions'), 'activateInstructions').map((a) => ({
        elementId: requiredString(a, 'elementId'),
        // -1 is the API's default: no ancestor named, the element's flow scope must have one active instance.
        ancestorElementInstanceKey: optionalKeyOrNone(a, 'ancestorElementInstanceKey'),
        variables: objects(optionalArray(a, 'variableInstructions'), 'variableInstructions').map((v) => ({
          scopeId: typeof v.scopeId === 'string' ? v.scopeId : '',
          variables: optionalVariables(v, 'variables') ?? {},
        })),
      })),
      terminate: objects(optionalArray(body, 'terminateInstructions'), 'terminateInstructions').map((t) =>
        parseKey(t.elementInstanceKey, "field 'elementInstanceKey'"),
      ),
    });
    res.status(204).end();
  });

  router.post('/process-instances/:processInstanceKey/migration', async (req, res) => {
    const body = bodyObject(req.body);
    await engine.migrateProcessInstance({
      processInstanceKey: parseKey(req.params.processInstanceKey, 'process instance key'),
      targetProcessDefinitionKey: parseKey(body.targetProcessDefinitionKey, "field 'targetProcessDefinitionKey'"),
      mappings: objects(optionalArray(body, 'mappingInstructions'), 'mappingInstructions').map((m) => ({
        sourceElementId: requiredString(m, 'sourceElementId'),
        targetElementId: requiredString(m, 'targetElementId'),
      })),
    });
    res.status(204).end();
  });

  router.put('/element-instances/:elementInstanceKey/variables', async (req, res) => {
    const body = bodyObject(req.body);
    const variables = optionalVariables(body, 'variables');
    if (!variables) throw invalidArgument("The field 'variables' is required and must be a JSON object.");
    await engine.setVariables(
      parseKey(req.params.elementInstanceKey, 'element instance key'),
      variables,
      optionalBoolean(body, 'local') ?? false,
    );
    res.status(204).end();
  });
  return router;
}
