import { Router } from 'express';
import type { EngineApi } from '../../../engine-api';
import { bodyObject, parseKey } from '../request-validation';

export function incidentController(engine: EngineApi): Router {
  const router = Router();
  router.post('/incidents/:incidentKey/resolution', async (req, res) => {
    bodyObject(req.body); // only operationReference, which the engine does not record
    await engine.resolveIncident(parseKey(req.params.incidentKey, 'incident key'));
    res.status(204).end();
  });
  return router;
}
