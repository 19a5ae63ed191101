/** Saved views: GET /views?list=tasks, POST /views, GET /views/:id (a shared link), DELETE /views/:id. */
import { Router } from 'express';
import { createView, deleteView, getView, listViews, viewInput, viewListInput } from '../../domain/views';
import { parseId, parseInput, parseQuery } from '../../lib/validation/parse-input';
import { currentUser } from '../auth/require-auth';
import { noFilters } from '../http/no-filters';

export function viewRoutes(): Router {
  const router = Router();
  router.get('/views', async (request, response) => {
    response.json(await listViews(currentUser(request), parseQuery(viewListInput, request.query, '视图查询')));
  });
  router.post('/views', async (request, response) => {
    response.status(201).json(await createView(currentUser(request), parseInput(viewInput, request.body, '视图')));
  });
  router.get('/views/:id', noFilters, async (request, response) => {
    response.json(await getView(currentUser(request), parseId(String(request.params.id), '视图')));
  });
  router.delete('/views/:id', async (request, response) => {
    response.json(await deleteView(currentUser(request), parseId(String(request.params.id), '视图')));
  });
  return router;
}
