/**
 * The modeler, for analysts (administrators pass too): the resources, each one's draft (open, autosave with its
 * revision, import), its check, its deployment, its versions and their export, and the element templates of the
 * job types. `:resource` is the path under bpmn/, URL-encoded as one segment (`business-expansion%2Ffees.bpmn`).
 */
import { Router, type Request } from 'express';
import {
  checkModel,
  checkedResource,
  currentContent,
  decisionTestInput,
  deployDraft,
  deployInput,
  draftImportInput,
  draftSaveInput,
  importDraft,
  jobTypeTemplates,
  kindOf,
  listModels,
  listVersions,
  openDraft,
  saveDraft,
  testDecision,
  versionContent,
} from '../../domain/modeling';
import { parseId, parseInput } from '../../lib/validation/parse-input';
import { z } from '../../lib/validation/zh-error-map';
import { allWorkers } from '../../workers';
import type { AppContext } from '../app-context';
import { currentUser, requireRole } from '../auth/require-auth';
import { modelTextsFor } from '../http/request-locale';

const jobTypes: ReadonlySet<string> = new Set(allWorkers.map((worker) => worker.taskType));
const resourceOf = (request: Request) => checkedResource(String(request.params.resource));
const checkInput = z.object({ content: z.string().min(1).max(4_000_000) }).strict();
const exportQuery = z.object({ version: z.coerce.number().int().min(1).optional() }).strict();

const MEDIA_TYPES = { bpmn: 'application/xml', dmn: 'application/xml', form: 'application/json' } as const;

export function modelingRoutes(context: AppContext): Router {
  const router = Router();
  router.use('/models', requireRole('analyst'));
  router.get('/models', async (_request, response) => {
    response.json(await listModels());
  });
  router.get('/models/element-templates', async (request, response) => {
    response.json({ items: await jobTypeTemplates(allWorkers, modelTextsFor(request, response)) });
  });
  router.get('/models/:resource/draft', async (request, response) => {
    response.json(await openDraft(currentUser(request).login, resourceOf(request)));
  });
  router.put('/models/:resource/draft', async (request, response) => {
    const input = parseInput(draftSaveInput, request.body, '草稿');
    response.json(await saveDraft(currentUser(request).login, resourceOf(request), input));
  });
  router.post('/models/:resource/import', async (request, response) => {
    const input = parseInput(draftImportInput, request.body, '导入的文件');
    response.json(await importDraft(currentUser(request).login, resourceOf(request), input));
  });
  router.post('/models/:resource/check', async (request, response) => {
    const resource = resourceOf(request);
    const { content } = parseInput(checkInput, request.body, '模型');
    response.json(await checkModel(kindOf(resource), content, jobTypes));
  });
  router.post('/models/:resource/deploy', async (request, response) => {
    const resource = resourceOf(request);
    const input = parseInput(deployInput, request.body, '部署');
    response
      .status(201)
      .json(await deployDraft(context.camunda, jobTypes, currentUser(request).login, resource, input));
  });
  router.post('/models/:resource/evaluate', async (request, response) => {
    resourceOf(request);
    response.json(await testDecision(context.camunda, parseInput(decisionTestInput, request.body, '决策试算')));
  });
  router.get('/models/:resource/versions', async (request, response) => {
    response.json(await listVersions(resourceOf(request)));
  });
  router.get('/models/:resource/versions/:version', async (request, response) => {
    response.json(await versionContent(resourceOf(request), parseId(String(request.params.version), '版本')));
  });
  router.get('/models/:resource/export', async (request, response) => {
    const resource = resourceOf(request);
    const { version } = parseInput(exportQuery, request.query, '导出');
    const content = version ? (await versionContent(resource, version)).content : await currentContent(resource);
    const file = resource.slice(resource.lastIndexOf('/') + 1);
    response.type(MEDIA_TYPES[kindOf(resource)]).attachment(file).send(content);
  });
  return router;
}
