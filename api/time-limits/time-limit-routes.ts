/**
 * GET /api/time-limits/cases/:businessKey — a case's whole-case clock;
 * GET /api/time-limits/compliance?from&to — compliance statistics (managers).
 */
import { Router } from 'express';
import { notFound } from '../../lib/errors/app-error';
import { currentUser, requireRole } from '../auth/require-auth';
import { caseKeysOutOfScope, requireCaseInScope } from '../../domain/cases';
import { caseTimeLimit, complianceReport } from '../../domain/time-limits';

export function timeLimitRoutes(): Router {
  const router = Router();
  router.get('/time-limits/cases/:businessKey', async (request, response) => {
    // Another unit's case is not found (decision 0025).
    await requireCaseInScope(currentUser(request), request.params.businessKey);
    const view = await caseTimeLimit(request.params.businessKey);
    if (!view) throw notFound('案件时限 / case time limit', request.params.businessKey);
    response.json(view);
  });
  router.get('/time-limits/compliance', requireRole('manager'), async (request, response) => {
    response.json(await complianceReport(request.query, await caseKeysOutOfScope(currentUser(request))));
  });
  return router;
}
