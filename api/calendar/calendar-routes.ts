/**
 * GET /api/calendar/days?year=2026; PUT /api/calendar/days/:date {kind, name} and DELETE (administrators);
 * GET /api/calendar/add?from=ISO&amount=3&unit=WD → {dueDate}.
 */
import { Router } from 'express';
import { requireRole } from '../auth/require-auth';
import { computeDueDate, deleteCalendarDay, listCalendarDays, putCalendarDay } from '../../domain/calendar';

export function calendarRoutes(): Router {
  const router = Router();
  router.get('/calendar/days', async (request, response) => {
    response.json(await listCalendarDays(request.query));
  });
  router.put('/calendar/days/:date', requireRole('admin'), async (request, response) => {
    response.json(await putCalendarDay(request.params.date, request.body));
  });
  router.delete('/calendar/days/:date', requireRole('admin'), async (request, response) => {
    await deleteCalendarDay(request.params.date);
    response.status(204).end();
  });
  router.get('/calendar/add', async (request, response) => {
    response.json(await computeDueDate(request.query));
  });
  return router;
}
