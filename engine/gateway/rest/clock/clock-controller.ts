import { Router } from 'express';
import type { EngineApi } from '../../../engine-api';
import { bodyObject, requiredInteger } from '../request-validation';

/** The engine clock: PUT /v2/clock pins it at `timestamp` (epoch ms), POST /v2/clock/reset lets it tick again. */
export function clockController(engine: EngineApi): Router {
  const router = Router();
  router.put('/clock', async (req, res) => {
    const timestamp = requiredInteger(bodyObject(req.body), 'timestamp', 0);
    await engine.pinClock(timestamp);
    res.status(204).end();
  });
  router.post('/clock/reset', async (_req, res) => {
    await engine.resetClock();
    res.status(204).end();
  });
  return router;
}
