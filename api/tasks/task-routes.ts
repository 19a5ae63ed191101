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
import { namedInTheirProcess } from '../../lib/model-texts/model-texts';
import type { AppContext } from '../app-context';
import { currentUser } from '../auth/require-auth';
import { requestAddress } from '../http/request-address';
import { modelTextsFor } from '../http/request-locale';

export function taskRoutes(context: AppContext): Router {
  const router = Router();
  router.get('/tasks', async (request, response) => {
    const input = parseQuery(taskListInput, request.query, '任务查询');
    const page = await listTasks(context, currentUser(request), input);
    response.json({ ...page, items: namedInTheirProcess(modelTextsFor(request, response), page.items) });
  });
  router.get('/tasks/:key/form', async (request, response) => {
    const form = await taskFormFor(context, currentUser(request), request.params.key);
    response.json(form && { ...form, schema: modelTextsFor(request, response).form(form.schema) });
  });
  router.get('/tasks/:key', async (request, response) => {
    const task = await taskWithVariables(context, currentUser(request), request.params.key);
    response.json(namedInTheirProcess(modelTextsFor(request, response), [task])[0]);
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
