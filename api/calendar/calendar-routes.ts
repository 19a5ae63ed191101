/**
 * GET /api/calendar/days?year=2026; PUT /api/calendar/days/:date {kind, name} and DELETE (administrators);
 * GET /api/calendar/years; PUT /api/calendar/years/:year {notice} (the year's schedule is entered in full) and
 * DELETE (administrators); GET /api/calendar/add?from=ISO&amount=3&unit=WD → {dueDate, dueDateNotice}.
 * A change answers how many open due dates it moved: {recomputed: {tasks, cases}}.
 */
import { Router, type Request } from 'express';
import type { AppContext } from '../app-context';
import { currentUser, requireRole } from '../auth/require-auth';
import { noFilters } from '../http/no-filters';
import { requestAddress } from '../http/request-address';
import {
  computeDueDate,
  deleteCalendarDay,
  listCalendarDays,
  listCalendarYears,
  publishCalendarYear,
  putCalendarDay,
  unpublishCalendarYear,
  type CalendarEditor,
} from '../../domain/time-limits';

export function calendarRoutes(context: AppContext): Router {
  const router = Router();
  const editor = (request: Request): CalendarEditor => ({
    camunda: context.camunda,
    login: currentUser(request).login,
    address: requestAddress(request),
  });
  router.get('/calendar/days', async (request, response) => {
    response.json(await listCalendarDays(request.query));
  });
  router.put('/calendar/days/:date', requireRole('admin'), async (request, response) => {
    response.json(await putCalendarDay(request.params.date, request.body, editor(request)));
  });
  router.delete('/calendar/days/:date', requireRole('admin'), async (request, response) => {
    response.json({ recomputed: await deleteCalendarDay(request.params.date, editor(request)) });
  });
  router.get('/calendar/years', noFilters, async (_request, response) => {
    response.json(await listCalendarYears());
  });
  router.put('/calendar/years/:year', requireRole('admin'), async (request, response) => {
    response.json(await publishCalendarYear(request.params.year, request.body, editor(request)));
  });
  router.delete('/calendar/years/:year', requireRole('admin'), async (request, response) => {
    response.json({ recomputed: await unpublishCalendarYear(request.params.year, editor(request)) });
  });
  router.get('/calendar/add', async (request, response) => {
    response.json(await computeDueDate(request.query));
  });
  return router;
}
