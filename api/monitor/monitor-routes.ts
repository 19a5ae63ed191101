/**
 * The monitor for managers (decision 0038): GET /monitor/processes (each process with its versions, running,
 * incident and overdue counts), GET /monitor/instances (filtered, sorted, paged on the server), GET
 * /monitor/instances/:key (the diagram with its overlays, incidents, variables, called instances), the actions on an
 * instance (retry, variable, cancel; each audited) and GET /monitor/processes/:processId/heatmap?version=.
 */
import { Router, type Request } from 'express';
import {
  cancelInstance,
  instanceDetail,
  instanceListInput,
  listInstances,
  processHeatmap,
  processOverview,
  retryInstance,
  setInstanceVariable,
  type InstanceAction,
} from '../../domain/monitor';
import { searchProcessDefinitions } from '../../lib/camunda/engine-api';
import { named, processesNamed } from '../../lib/model-texts/model-texts';
import { parseQuery } from '../../lib/validation/parse-input';
import { z } from '../../lib/validation/zh-error-map';
import { notFound } from '../../lib/errors/app-error';
import type { AppContext } from '../app-context';
import { currentUser, requireRole } from '../auth/require-auth';
import { requestAddress } from '../http/request-address';
import { modelTextsFor } from '../http/request-locale';

/** An instance key from the path; anything else is no instance. */
function instanceKeyOf(request: Request): string {
  const key = String(request.params.key);
  if (!/^\d{1,20}$/.test(key)) throw notFound('流程实例 / process instance', key);
  return key;
}
const heatmapQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

export function monitorRoutes(context: AppContext): Router {
  const { camunda } = context;
  const router = Router();
  router.use('/monitor', requireRole('manager'));
  const action = (request: Request): InstanceAction => ({
    camunda,
    actor: currentUser(request),
    processInstanceKey: instanceKeyOf(request),
    body: request.body,
    address: requestAddress(request),
  });

  router.get('/monitor/processes', async (request, response) => {
    const texts = modelTextsFor(request, response);
    const { items, overdueCapped } = await processOverview(camunda, currentUser(request));
    response.json({
      overdueCapped,
      items: items.map((process) => ({
        ...process,
        processDefinitionName: texts.name(
          process.processDefinitionId,
          process.processDefinitionId,
          process.processDefinitionName,
        ),
      })),
    });
  });
  // The process and version choices of the instance list's filter, without the counts the processes screen adds.
  router.get('/monitor/process-definitions', async (request, response) => {
    const texts = modelTextsFor(request, response);
    const definitions = await searchProcessDefinitions(camunda);
    response.json({
      items: processesNamed(
        texts,
        definitions.map((definition) => ({
          processDefinitionId: definition.processDefinitionId,
          processDefinitionName: definition.name ?? definition.processDefinitionId,
          version: definition.version,
        })),
      ),
    });
  });
  router.get('/monitor/processes/:processId/heatmap', async (request, response) => {
    const texts = modelTextsFor(request, response);
    const { version } = parseQuery(heatmapQuery, request.query, '热力图');
    const heatmap = await processHeatmap(camunda, currentUser(request), String(request.params.processId), version);
    response.json({
      ...heatmap,
      processDefinitionName: texts.name(
        heatmap.processDefinitionId,
        heatmap.processDefinitionId,
        heatmap.processDefinitionName,
      ),
      xml: await texts.diagramXml(heatmap.xml),
    });
  });
  router.get('/monitor/instances', async (request, response) => {
    const input = parseQuery(instanceListInput, request.query, '流程实例查询');
    const list = await listInstances(camunda, currentUser(request), input);
    response.json({ ...list, items: processesNamed(modelTextsFor(request, response), list.items) });
  });
  router.get('/monitor/instances/:key', async (request, response) => {
    const texts = modelTextsFor(request, response);
    const detail = await instanceDetail(camunda, currentUser(request), instanceKeyOf(request));
    const [namedDetail] = processesNamed(texts, [detail]);
    response.json({
      ...namedDetail,
      xml: await texts.diagramXml(detail.xml),
      steps: named(texts, detail.processDefinitionId, detail.steps),
      called: processesNamed(texts, detail.called),
    });
  });
  router.post('/monitor/instances/:key/retry', async (request, response) => {
    response.json(await retryInstance(action(request)));
  });
  router.put('/monitor/instances/:key/variables', async (request, response) => {
    response.json(await setInstanceVariable(action(request)));
  });
  router.post('/monitor/instances/:key/cancel', async (request, response) => {
    response.json(await cancelInstance(action(request)));
  });
  return router;
}
