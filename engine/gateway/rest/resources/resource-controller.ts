import { Router } from 'express';
import type { EngineApi } from '../../../engine-api';
import { bodyObject, parseKey } from '../request-validation';

/** Deployed resources: metadata, content and deletion. */
export function resourceController(engine: EngineApi): Router {
  const router = Router();
  const keyOf = (value: unknown) => parseKey(value, 'resource key');
  router.get('/resources/:resourceKey', (req, res) => {
    const { content: _content, ...resource } = engine.getResource(keyOf(req.params.resourceKey));
    res.json({ ...resource, resourceKey: String(resource.resourceKey), deploymentKey: String(resource.deploymentKey) });
  });
  router.get('/resources/:resourceKey/content', (req, res) => {
    const resource = engine.getResource(keyOf(req.params.resourceKey));
    res.type('text/plain; charset=utf-8').send(resource.content);
  });
  // A process definition's start form (Camunda's GET /process-definitions/{key}/form): 204 when it has none.
  router.get('/process-definitions/:processDefinitionKey/form', (req, res) => {
    const form = engine.getStartForm(parseKey(req.params.processDefinitionKey, 'process definition key'));
    if (!form) return void res.status(204).end();
    res.json({ ...form, formKey: String(form.formKey) });
  });
  router.post('/resources/:resourceKey/deletion', async (req, res) => {
    bodyObject(req.body); // only operationReference, which the engine does not record
    await engine.deleteResource(keyOf(req.params.resourceKey));
    res.status(200).json({});
  });
  return router;
}
