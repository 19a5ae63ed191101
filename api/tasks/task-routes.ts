/**
 * The tasklist's API: GET /tasks?scope=&page=… (a page of tasks), GET /tasks/:key (with the actions the user may
 * take), GET /tasks/:key/form, GET /tasks/:key/assignees, POST /tasks/:key/claim | unclaim | complete | assign |
 * return | withdraw.
 */
import { Router } from 'express';
import {
  assignInput,
  assignTask,
  claimTask,
  completeInput,
  completeTask,
  listTasks,
  returnInput,
  returnTask,
  taskAssignees,
  taskDetails,
  taskFormOf,
  taskListInput,
  unclaimTask,
  withdrawInput,
  withdrawTask,
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
    const form = await taskFormOf(context, currentUser(request), request.params.key);
    response.json(form && { ...form, schema: modelTextsFor(request, response).form(form.schema) });
  });
  router.get('/tasks/:key', async (request, response) => {
    const task = await taskDetails(context, currentUser(request), request.params.key);
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
  router.get('/tasks/:key/assignees', async (request, response) => {
    response.json(await taskAssignees(context, currentUser(request), request.params.key));
  });
  router.post('/tasks/:key/assign', async (request, response) => {
    const validate = () => parseInput(assignInput, request.body, '指派');
    response.json(
      await assignTask(context, currentUser(request), request.params.key, requestAddress(request), validate),
    );
  });
  router.post('/tasks/:key/return', async (request, response) => {
    const validate = () => parseInput(returnInput, request.body, '退回');
    response.json(
      await returnTask(context, currentUser(request), request.params.key, requestAddress(request), validate),
    );
  });
  router.post('/tasks/:key/withdraw', async (request, response) => {
    const validate = () => parseInput(withdrawInput, request.body, '撤回');
    response.json(
      await withdrawTask(context, currentUser(request), request.params.key, requestAddress(request), validate),
    );
  });
  return router;
}
