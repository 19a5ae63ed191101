import { Router, type Response } from 'express';
import type { EngineApi } from '../../../engine-api';
import { EngineError } from '../../../errors';
import type { QueryApi, ResourceName } from '../../../query/query-api';
import { unknownFields } from '../../../query/search/search-request';
import { bodyObject, optionalObject, parseKey } from '../request-validation';

/** Search and get per resource: `POST /<resource>/search` and `GET /<resource>/{key}`. */
const SEARCHES: Array<{ resource: ResourceName; keyName?: string }> = [
  { resource: 'process-instances', keyName: 'process instance key' },
  { resource: 'user-tasks' },
  { resource: 'incidents', keyName: 'incident key' },
  { resource: 'variables', keyName: 'variable key' },
  { resource: 'element-instances', keyName: 'element instance key' },
  { resource: 'process-definitions', keyName: 'process definition key' },
  { resource: 'jobs' },
  { resource: 'message-subscriptions' },
  { resource: 'decision-definitions', keyName: 'decision definition key' },
  { resource: 'decision-requirements', keyName: 'decision requirements key' },
  { resource: 'decision-instances' },
];

/**
 * The Camunda 8 REST v2 searches (docs/decisions/0007): filter, sort and page (offset or cursors) in, items and
 * page (totalItems, cursors) out, over the query projections; eventually consistent with the engine's commits.
 * A user task's GET stays in user-tasks/ (live state); its search is here.
 */
export function searchController(engine: EngineApi): Router {
  const router = Router();
  const query = (): QueryApi => {
    if (!engine.query) throw new EngineError('UNIMPLEMENTED', 'This engine has no query API');
    return engine.query;
  };
  for (const { resource, keyName } of SEARCHES) {
    router.post(`/${resource}/search`, async (req, res) => {
      res.json(await query().search(resource, req.body));
    });
    if (keyName) {
      router.get(`/${resource}/:key`, async (req, res) => {
        res.json(await query().get(resource, parseKey(req.params.key, keyName)));
      });
    }
  }
  router.get('/process-definitions/:key/xml', async (req, res) => {
    const xml = await query().processDefinitionXml(parseKey(req.params.key, 'process definition key'));
    res.type('text/xml').send(xml);
  });
  const statistics = async (key: string, body: unknown, res: Response): Promise<void> => {
    const request = bodyObject(body);
    unknownFields(request, ['filter'], 'element statistics request');
    const filter = optionalObject(request, 'filter') ?? {};
    res.json({ items: await query().elementStatistics(parseKey(key, 'process definition key'), filter) });
  };
  router.get('/process-definitions/:key/statistics/element-instances', (req, res) =>
    statistics(req.params.key, undefined, res),
  );
  router.post('/process-definitions/:key/statistics/element-instances', (req, res) =>
    statistics(req.params.key, req.body, res),
  );
  router.get('/decision-definitions/:key/xml', async (req, res) => {
    const xml = await query().decisionDefinitionXml(parseKey(req.params.key, 'decision definition key'));
    res.type('text/xml').send(xml);
  });
  router.get('/decision-requirements/:key/xml', async (req, res) => {
    const xml = await query().decisionRequirementsXml(parseKey(req.params.key, 'decision requirements key'));
    res.type('text/xml').send(xml);
  });
  router.get('/decision-instances/:key', async (req, res) => {
    const id = req.params.key;
    if (!/^\d+-\d+$/.test(id)) {
      throw new EngineError(
        'INVALID_ARGUMENT',
        `The decision evaluation instance key must be '<decisionEvaluationKey>-<n>', got '${id}'`,
      );
    }
    res.json(await query().decisionInstance(id));
  });
  router.get('/process-instances/:key/call-hierarchy', async (req, res) => {
    res.json(await query().callHierarchy(parseKey(req.params.key, 'process instance key')));
  });
  router.post('/process-instances/:key/incidents/search', async (req, res) => {
    res.json(await query().instanceIncidents(parseKey(req.params.key, 'process instance key'), req.body));
  });
  router.get('/process-instances/:key/statistics/element-instances', async (req, res) => {
    res.json({ items: await query().instanceElementStatistics(parseKey(req.params.key, 'process instance key')) });
  });
  router.post('/user-tasks/:key/variables/search', async (req, res) => {
    res.json(await query().userTaskVariables(parseKey(req.params.key, 'user task key'), req.body));
  });
  router.get('/process-instances/:key/sequence-flows', async (req, res) => {
    res.json({ items: await query().sequenceFlows(parseKey(req.params.key, 'process instance key')) });
  });
  return router;
}
