/**
 * Monitoring for managers, across business areas: a case by its number with its steps, open tasks and incidents;
 * retrying an incident (after its cause was fixed) and cancelling a case; the cases saved without a process.
 */
import { Router } from 'express';
import { cancelCase, caseHistory, resolveCaseIncident, unstartedCases } from '../../domain/cases';
import type { AppContext } from '../app-context';
import { requireRole } from '../auth/require-auth';

export function caseRoutes(context: AppContext): Router {
  const { camunda } = context;
  const router = Router();
  router.get('/cases/unstarted', requireRole('manager'), async (_request, response) => {
    response.json({ items: await unstartedCases() });
  });
  router.get('/cases/:businessKey', async (request, response) => {
    response.json(await caseHistory(camunda, String(request.params.businessKey)));
  });
  router.post(
    '/cases/:businessKey/incidents/:incidentKey/resolve',
    requireRole('manager'),
    async (request, response) => {
      const { businessKey, incidentKey } = request.params;
      response.json(await resolveCaseIncident(camunda, String(businessKey), String(incidentKey)));
    },
  );
  router.post('/cases/:businessKey/cancel', requireRole('manager'), async (request, response) => {
    response.json(await cancelCase(camunda, String(request.params.businessKey)));
  });
  return router;
}
