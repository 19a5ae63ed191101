/**
 * GET /api/admin/rule-tables — the time-limit and fee tables as the engine runs them, each with the DMN file in
 * bpmn/ it is changed in (read-only here: analysts change them in the modeler and deploy). Administrators only.
 */
import { Router } from 'express';
import { listRuleTables } from '../../domain/rule-tables';
import type { AppContext } from '../app-context';
import { requireRole } from '../auth/require-auth';
import { noFilters } from '../http/no-filters';

export function ruleTableRoutes(context: AppContext): Router {
  const router = Router();
  router.get('/rule-tables', requireRole('admin'), noFilters, async (_request, response) => {
    response.json(await listRuleTables(context.camunda));
  });
  return router;
}
