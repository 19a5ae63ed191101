/**
 * The tasklist's API: GET /tasks?scope=&page=… (a page of tasks), GET /tasks/:key, GET /tasks/:key/form, POST
 * /tasks/:key/claim | unclaim | complete.
 */
import { Router } from 'express';
import {
  claimTask,
  completeInput,
  completeTask,
  listTasks,
  taskFormFor,
  taskListInput,
  taskWithVariables,
  unclaimTask,
} from '../../domain/tasks';
import { parseInput, parseQuery } from '../../lib/validation/parse-input';
import type { AppContext } from '../app-context';
import { currentUser } from '../auth/require-auth';
import { requestAddress } from '../http/request-address';

export function taskRoutes(context: AppContext): Router {
  const router = Router();
  router.get('/tasks', async (request, response) => {
    const input = parseQuery(taskListInput, request.query, '任务查询');
    response.json(await listTasks(context, currentUser(request), input));
  });
  router.get('/tasks/:key/form', async (request, response) => {
    response.json(await taskFormFor(context, currentUser(request), request.params.key));
  });
  router.get('/tasks/:key', async (request, response) => {
    response.json(await taskWithVariables(context, currentUser(request), request.params.key));
  });
  router.post('/tasks/:key/claim', async (request, response) => {
    response.json(await claimTask(context, currentUser(request), request.params.key, requestAddress(request)));
  });
  router.post('/tasks/:key/unclaim', async (request, response) => {
    response.json(await unclaimTask(context, currentUser(request), request.params.key, requestAddress(request)));
  });
  router.post('/tasks/:key/complete', async (request, response) => {
    const validate = () => parseInput(completeInput, request.body, '任务');
    response.json(
      await completeTask(context, currentUser(request), request.params.key, requestAddress(request), validate),
    );
  });
  return router;
}
