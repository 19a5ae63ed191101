import { Router } from 'express';
import type { EngineApi } from '../../../engine-api';
import { toCorrelateMessageInput, toPublishMessageInput } from './message-request-mapper';
import { toCorrelateMessageResponse, toPublishMessageResponse } from './message-response-mapper';

/**
 * Messages: publication (buffered for `timeToLive`; 409 for a `messageId` still buffered) and correlation (answers
 * with the process instance it correlated with; 404 when no subscription or message start event takes it).
 */
export function messageController(engine: EngineApi): Router {
  const router = Router();
  router.post('/messages/publication', async (req, res) => {
    const input = toPublishMessageInput(req.body);
    const result = await engine.publishMessage(input);
    res.json(toPublishMessageResponse(result, input.tenantId));
  });
  router.post('/messages/correlation', async (req, res) => {
    const input = toCorrelateMessageInput(req.body);
    const result = await engine.correlateMessage(input);
    res.json(toCorrelateMessageResponse(result, input.tenantId));
  });
  return router;
}
