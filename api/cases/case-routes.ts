/**
 * Monitoring for managers, across business areas: a case by its number with its steps, open tasks and incidents;
 * retrying an incident (after its cause was fixed) and cancelling a case.
 */
import { Router } from 'express';
import { cancelCase, caseHistory, resolveCaseIncident } from '../../domain/cases';
import type { AppContext } from '../app-context';
import { currentUser, requireRole } from '../auth/require-auth';

export function caseRoutes(context: AppContext): Router {
  const { camunda } = context;
  const router = Router();
  router.get('/cases/:businessKey', async (request, response) => {
    response.json(await caseHistory(camunda, currentUser(request), String(request.params.businessKey)));
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
    response.json(await cancelCase(camunda, currentUser(request), String(request.params.businessKey)));
  });
  return router;
}
