/**
 * PUT /api/admin/clock {time} pins the application's clock and the engine's together (tests, demos, training);
 * DELETE /api/admin/clock returns both to real time. Administrators only.
 */
import { Router } from 'express';
import { appClock } from '../../lib/clock/app-clock';
import { z } from '../../lib/validation/zh-error-map';
import type { AppContext } from '../app-context';
import { requireRole } from '../auth/require-auth';
import { parseInput } from '../http/validate';

const pinInput = z.object({ time: z.string().datetime({ offset: true }) });

export function clockRoutes(context: AppContext): Router {
  const router = Router();
  router.get('/clock', (_request, response) => {
    response.json({ time: appClock.now().toISOString(), pinned: appClock.isPinned() });
  });
  router.put('/clock', requireRole('admin'), async (request, response) => {
    const epochMs = Date.parse(parseInput(pinInput, request.body, '时钟').time);
    await context.camunda.rest.pinInternalClock(epochMs);
    await appClock.pin(epochMs);
    response.json({ time: appClock.now().toISOString(), pinned: true });
  });
  router.delete('/clock', requireRole('admin'), async (_request, response) => {
    await context.camunda.rest.resetClock();
    await appClock.reset();
    response.json({ time: appClock.now().toISOString(), pinned: false });
  });
  return router;
}
