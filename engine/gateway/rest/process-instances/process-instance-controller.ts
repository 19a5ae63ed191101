import { Router } from 'express';
import type { EngineApi } from '../../../engine-api';
import { bodyObject, parseKey } from '../request-validation';
import { toCreateInstanceCommand } from './process-instance-request-mapper';
import { toCreateInstanceResponse } from './process-instance-response-mapper';

export function processInstanceController(engine: EngineApi): Router {
  const router = Router();
  router.post('/process-instances', async (req, res) => {
    const { request, awaitResult } = toCreateInstanceCommand(req.body);
    const instance = awaitResult
      ? await engine.createProcessInstanceWithResult(request, awaitResult)
      : await engine.createProcessInstance(request);
    res.json(toCreateInstanceResponse(instance));
  });
  router.post('/process-instances/:processInstanceKey/cancellation', async (req, res) => {
    bodyObject(req.body); // only operationReference, which the engine does not record
    await engine.cancelProcessInstance(parseKey(req.params.processInstanceKey, 'process instance key'));
    res.status(204).end();
  });
  return router;
}
