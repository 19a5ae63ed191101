/**
 * Monitoring for managers, across business areas: a case by its number with its steps, open tasks and incidents;
 * retrying an incident (after its cause was fixed), cancelling a case (with a reason), the cases the
 * reconciliation with the engine found cancelled, ended or gone, and the cases saved without a process. For
 * everyone: one search across the areas' cases (GET /cases?q=) and "my cases" (GET /cases/mine), decision 0032.
 */
import { Router } from 'express';
import {
  cancelCase,
  caseHistory,
  caseSearchInput,
  listReconciledCases,
  myCases,
  resolveCaseIncident,
  searchCases,
  unstartedCases,
} from '../../domain/cases';
import { parseQuery } from '../../lib/validation/parse-input';
import type { AppContext } from '../app-context';
import { currentUser, requireRole } from '../auth/require-auth';
import { requestAddress } from '../http/request-address';
import { modelTextsFor } from '../http/request-locale';
import { named, namedInTheirProcess, processesNamed } from '../../lib/model-texts/model-texts';

export function caseRoutes(context: AppContext): Router {
  const { camunda } = context;
  const router = Router();
  router.get('/cases', async (request, response) => {
    response.json(await searchCases(currentUser(request), parseQuery(caseSearchInput, request.query, '案件查询')));
  });
  router.get('/cases/mine', async (request, response) => {
    const input = parseQuery(caseSearchInput, request.query, '我的案件');
    response.json(await myCases(camunda, currentUser(request), input));
  });
  router.get('/cases/unstarted', requireRole('manager'), async (_request, response) => {
    response.json({ items: await unstartedCases() });
  });
  // Before /cases/:businessKey, which would take `reconciled` for a case number.
  router.get('/cases/reconciled', requireRole('manager'), async (_request, response) => {
    response.json(await listReconciledCases());
  });
  router.get('/cases/:businessKey', async (request, response) => {
    const texts = modelTextsFor(request, response);
    const history = await caseHistory(camunda, currentUser(request), String(request.params.businessKey));
    response.json({
      ...history,
      processes: processesNamed(texts, history.processes).map((process) => ({
        ...process,
        steps: named(texts, process.processDefinitionId, process.steps),
      })),
      openTasks: namedInTheirProcess(texts, history.openTasks),
    });
  });
  router.post(
    '/cases/:businessKey/incidents/:incidentKey/resolve',
    requireRole('manager'),
    async (request, response) => {
      const { businessKey, incidentKey } = request.params;
      const reader = currentUser(request);
      response.json(await resolveCaseIncident(camunda, reader, String(businessKey), String(incidentKey)));
    },
  );
  router.post('/cases/:businessKey/cancel', requireRole('manager'), async (request, response) => {
    response.json(
      await cancelCase(camunda, {
        businessKey: String(request.params.businessKey),
        body: request.body,
        actor: currentUser(request),
        address: requestAddress(request),
      }),
    );
  });
  return router;
}
