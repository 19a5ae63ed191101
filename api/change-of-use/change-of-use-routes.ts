/** 变更用电 API: accept an application, list and search them, read one case. */
import { Router } from 'express';
import type { AppContext } from '../app-context';
import { currentUser, requireRole } from '../auth/require-auth';
import { parseInput } from '../http/validate';
import { applicationInput } from './change-types';
import { applicationDetail, searchApplications, searchInput } from './query-applications-use-case';
import { submitChangeApplication } from './submit-application-use-case';

export function changeOfUseRoutes(context: AppContext): Router {
  const router = Router();
  router.post('/change-of-use/applications', requireRole('counter-clerk'), async (request, response) => {
    const input = parseInput(applicationInput, request.body, '变更申请');
    response.status(201).json(await submitChangeApplication(context.camunda, input, currentUser(request).login));
  });
  router.get('/change-of-use/applications', async (request, response) => {
    response.json(await searchApplications(parseInput(searchInput, request.query, '查询')));
  });
  router.get('/change-of-use/applications/:applicationNo', async (request, response) => {
    response.json(await applicationDetail(context.camunda, request.params.applicationNo));
  });
  return router;
}
