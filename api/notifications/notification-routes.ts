/**
 * GET /api/notifications?businessKey=&recipient=&kind=&status=&page=&limit= — the notifications the signed-in user
 * may read, newest first, with their delivery state and how many match; never those of another unit's cases.
 */
import { Router } from 'express';
import { caseKeysOutOfScope } from '../../domain/cases';
import { listInput, listNotifications } from '../../domain/notifications';
import { parseQuery } from '../../lib/validation/parse-input';
import { currentUser } from '../auth/require-auth';

export function notificationRoutes(): Router {
  const router = Router();
  router.get('/notifications', async (request, response) => {
    const input = parseQuery(listInput, request.query, '通知查询');
    const reader = currentUser(request);
    response.json(await listNotifications(reader, input, await caseKeysOutOfScope(reader)));
  });
  return router;
}
