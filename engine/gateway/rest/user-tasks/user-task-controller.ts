import { Router } from 'express';
import type { EngineApi } from '../../../engine-api';
import { EngineError, invalidArgument } from '../../../errors';
import {
  bodyObject,
  optionalBoolean,
  optionalInteger,
  optionalString,
  optionalStringArray,
  optionalVariables,
  parseKey,
  type JsonObject,
} from '../request-validation';
import { toUserTaskResponse } from './user-task-response-mapper';

/**
 * User tasks (Camunda 8 REST v2): get, assignment, unassignment, update and completion of open tasks; 404 for an
 * unknown task, 409 for one in the wrong state. The search is the query API's (gateway/rest/search/).
 */
export function userTaskController(engine: EngineApi): Router {
  const router = Router();
  const keyOf = (value: unknown) => parseKey(value, 'user task key');

  // An open task from the engine's live state; a completed or canceled one from the query API's history.
  router.get('/user-tasks/:userTaskKey', async (req, res) => {
    const key = keyOf(req.params.userTaskKey);
    try {
      res.json(toUserTaskResponse(engine.getUserTask(key)));
    } catch (error) {
      if (!(error instanceof EngineError) || error.code !== 'NOT_FOUND' || !engine.query) throw error;
      // The task just left the live state: wait until the exporter has written what is committed.
      await engine.query.caughtUp();
      res.json(await engine.query.get('user-tasks', key));
    }
  });
  // A completed or canceled task's form too, as Camunda 8 answers it: its form key from the query API's history.
  const formKeyOf = async (key: number): Promise<number> => {
    try {
      return engine.getUserTask(key).formKey;
    } catch (error) {
      if (!(error instanceof EngineError) || error.code !== 'NOT_FOUND' || !engine.query) throw error;
      await engine.query.caughtUp();
      const stored = (await engine.query.get('user-tasks', key)) as { formKey?: string };
      return stored.formKey === undefined ? -1 : Number(stored.formKey);
    }
  };
  router.get('/user-tasks/:userTaskKey/form', async (req, res) => {
    const formKey = await formKeyOf(keyOf(req.params.userTaskKey));
    if (formKey < 0) return void res.status(204).end();
    const form = engine.getForm(formKey);
    res.json({
      formKey: String(form.formKey),
      formId: form.formId,
      version: form.version,
      schema: form.schema,
      tenantId: form.tenantId,
    });
  });
  router.post('/user-tasks/:userTaskKey/assignment', async (req, res) => {
    const body = bodyObject(req.body);
    const assignee = optionalString(body, 'assignee');
    if (!assignee) throw invalidArgument("The field 'assignee' is required and must be a non-empty string.");
    await engine.assignUserTask(
      keyOf(req.params.userTaskKey),
      assignee,
      optionalBoolean(body, 'allowOverride') ?? true,
      optionalString(body, 'action') ?? 'assign',
    );
    res.status(204).end();
  });
  router.delete('/user-tasks/:userTaskKey/assignee', async (req, res) => {
    await engine.assignUserTask(keyOf(req.params.userTaskKey), '', true, 'unassign');
    res.status(204).end();
  });
  // `PATCH /user-tasks/{key}` takes {changeset, action}; @camunda8/sdk 8.8's updateUserTask sends the bare changeset
  // to `/user-tasks/{key}/update`, so that path is served too.
  router.patch(['/user-tasks/:userTaskKey', '/user-tasks/:userTaskKey/update'], async (req, res) => {
    const body = bodyObject(req.body);
    const changeset = (req.path.endsWith('/update') ? body : bodyObject(body.changeset)) as JsonObject;
    await engine.updateUserTask(
      keyOf(req.params.userTaskKey),
      {
        dueDate: optionalString(changeset, 'dueDate'),
        followUpDate: optionalString(changeset, 'followUpDate'),
        candidateGroups: optionalStringArray(changeset, 'candidateGroups'),
        candidateUsers: optionalStringArray(changeset, 'candidateUsers'),
        priority: optionalInteger(changeset, 'priority', 0),
      },
      optionalString(body, 'action') ?? 'update',
    );
    res.status(204).end();
  });
  router.post('/user-tasks/:userTaskKey/completion', async (req, res) => {
    const body = bodyObject(req.body);
    await engine.completeUserTask(
      keyOf(req.params.userTaskKey),
      optionalVariables(body, 'variables'),
      optionalString(body, 'action') ?? 'complete',
    );
    res.status(204).end();
  });
  return router;
}
