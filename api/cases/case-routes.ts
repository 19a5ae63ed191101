/**
 * Monitoring for managers, across business areas: a case by its number with its steps, open tasks and incidents;
 * retrying an incident (after its cause was fixed) and cancelling a case.
 */
import { Router } from 'express';
import { notFound } from '../../lib/errors/app-error';
import type { AppContext } from '../app-context';
import { requireRole } from '../auth/require-auth';
import { caseHistory, instancesOfCase } from './case-history-use-case';

export function caseRoutes(context: AppContext): Router {
  const { camunda } = context;
  const router = Router();
  router.get('/cases/:businessKey', async (request, response) => {
    response.json(await caseHistory(camunda, String(request.params.businessKey)));
  });
  router.post(
    '/cases/:businessKey/incidents/:incidentKey/resolve',
    requireRole('manager'),
    async (request, response) => {
      const history = await caseHistory(camunda, String(request.params.businessKey));
      const incident = history.incidents.find((open) => open.incidentKey === String(request.params.incidentKey));
      if (!incident) throw notFound('故障 / incident', String(request.params.incidentKey));
      if (incident.jobKey) await camunda.zeebe.updateJobRetries({ jobKey: incident.jobKey, retries: 1 });
      await camunda.rest.resolveIncident(incident.incidentKey);
      response.json({ resolved: incident.incidentKey });
    },
  );
  router.post('/cases/:businessKey/cancel', requireRole('manager'), async (request, response) => {
    const roots = (await instancesOfCase(camunda, String(request.params.businessKey))).filter(
      (instance) => !instance.parentProcessInstanceKey && instance.state === 'ACTIVE',
    );
    if (roots.length === 0) throw notFound('进行中的业务流程 / active case', String(request.params.businessKey));
    for (const root of roots) await camunda.rest.cancelProcessInstance({ processInstanceKey: root.processInstanceKey });
    response.json({ cancelled: roots.map((root) => root.processInstanceKey) });
  });
  return router;
}
