/** GET /api/audit?actor=&action=&target=&outcome=&from=&to=&page=&size= — administrators only. */
import { Router } from 'express';
import { auditSearchInput, searchAudit } from '../../domain/audit';
import { parseQuery } from '../../lib/validation/parse-input';
import { requireRole } from '../auth/require-auth';

export function auditRoutes(): Router {
  const router = Router();
  router.get('/audit', requireRole('admin'), async (request, response) => {
    response.json(await searchAudit(parseQuery(auditSearchInput, request.query, '审计日志查询')));
  });
  return router;
}
