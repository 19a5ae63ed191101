/**
 * PUT /api/admin/clock {time} pins the application's clock and the engine's together (tests, demos, training);
 * DELETE /api/admin/clock returns both to real time. Administrators only; the pin outlives a restart.
 */
import { Router } from 'express';
import { pinClocks, resetClocks } from '../../domain/clock';
import { appClock } from '../../lib/clock/app-clock';
import { z } from '../../lib/validation/zh-error-map';
import type { AppContext } from '../app-context';
import { currentUser, requireRole } from '../auth/require-auth';
import { requestAddress } from '../http/request-address';
import { parseInput } from '../../lib/validation/parse-input';

const pinInput = z.object({ time: z.string().datetime({ offset: true }) });

export function clockRoutes(context: AppContext): Router {
  const router = Router();
  router.get('/clock', (_request, response) => {
    response.json({ time: appClock.now().toISOString(), pinned: appClock.isPinned() });
  });
  router.put('/clock', requireRole('admin'), async (request, response) => {
    const epochMs = Date.parse(parseInput(pinInput, request.body, '时钟').time);
    const editor = { login: currentUser(request).login, address: requestAddress(request) };
    await pinClocks(context.camunda, editor, epochMs);
    response.json({ time: appClock.now().toISOString(), pinned: true });
  });
  router.delete('/clock', requireRole('admin'), async (request, response) => {
    await resetClocks(context.camunda, { login: currentUser(request).login, address: requestAddress(request) });
    response.json({ time: appClock.now().toISOString(), pinned: false });
  });
  return router;
}
