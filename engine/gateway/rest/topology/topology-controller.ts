import { Router } from 'express';
import type { EngineApi } from '../../../engine-api';
import { toTopologyResponse } from './topology-response-mapper';

export function topologyController(engine: EngineApi): Router {
  const router = Router();
  router.get('/topology', (_req, res) => {
    res.json(toTopologyResponse(engine.topology()));
  });
  return router;
}
