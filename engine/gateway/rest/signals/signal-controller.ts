import { Router } from 'express';
import type { EngineApi } from '../../../engine-api';
import { toBroadcastSignalInput } from './signal-request-mapper';
import { toBroadcastSignalResponse } from './signal-response-mapper';

/** Signals: a broadcast triggers every signal subscription of its name (catch events, signal start events). */
export function signalController(engine: EngineApi): Router {
  const router = Router();
  router.post('/signals/broadcast', async (req, res) => {
    const { signalName, variables, tenantId } = toBroadcastSignalInput(req.body);
    const result = await engine.broadcastSignal(signalName, variables, tenantId);
    res.json(toBroadcastSignalResponse(result, tenantId));
  });
  return router;
}
