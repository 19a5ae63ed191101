/**
 * A case as the people working on it see it (every signed-in user, like the case's history): GET
 * /cases/:businessKey/diagram?instance= (the BPMN with where it stands and the path taken) and GET
 * /cases/:businessKey/task-history (each user task: who, when, against its due date).
 */
import { Router } from 'express';
import { caseDiagram, caseTaskHistory } from '../../domain/cases';
import { parseQuery } from '../../lib/validation/parse-input';
import { z } from '../../lib/validation/zh-error-map';
import type { AppContext } from '../app-context';
import { currentUser } from '../auth/require-auth';
import { noFilters } from '../http/no-filters';
import { modelTextsFor } from '../http/request-locale';
import { namedInTheirProcess, processesNamed } from '../../lib/model-texts/model-texts';

const diagramQuery = z.object({
  instance: z
    .string()
    .regex(/^\d{1,20}$/)
    .optional(),
});

export function caseDiagramRoutes(context: AppContext): Router {
  const router = Router();
  router.get('/cases/:businessKey/diagram', async (request, response) => {
    const { instance } = parseQuery(diagramQuery, request.query, '流程图');
    const texts = modelTextsFor(request, response);
    const diagram = await caseDiagram(
      context.camunda,
      currentUser(request),
      String(request.params.businessKey),
      instance,
    );
    response.json({
      ...diagram,
      xml: await texts.diagramXml(diagram.xml),
      instances: processesNamed(texts, diagram.instances),
    });
  });
  router.get('/cases/:businessKey/task-history', noFilters, async (request, response) => {
    const texts = modelTextsFor(request, response);
    const history = await caseTaskHistory(context.camunda, currentUser(request), String(request.params.businessKey));
    response.json({ ...history, items: namedInTheirProcess(texts, history.items) });
  });
  return router;
}
