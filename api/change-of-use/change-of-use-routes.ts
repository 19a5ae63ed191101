/** 变更用电 API: accept an application, list and search them, read one case; the customer's payments and extensions. */
import { Router } from 'express';
import type { AppContext } from '../app-context';
import { currentUser, requireRole } from '../auth/require-auth';
import { piiRequest } from '../http/pii-request';
import { parseInput } from '../../lib/validation/parse-input';
import {
  applicationDetail,
  applicationInput,
  extendTemporaryChange,
  extensionInput,
  paymentInput,
  recordChangePayment,
  searchApplications,
  searchInput,
  submitChangeApplication,
} from '../../domain/change-of-use';

export function changeOfUseRoutes(context: AppContext): Router {
  const router = Router();
  router.post('/change-of-use/applications', requireRole('counter-clerk'), async (request, response) => {
    const input = parseInput(applicationInput, request.body, '变更申请');
    response.status(201).json(await submitChangeApplication(context.camunda, input, currentUser(request).login));
  });
  router.get('/change-of-use/applications', async (request, response) => {
    response.json(await searchApplications(currentUser(request), parseInput(searchInput, request.query, '查询')));
  });
  router.get('/change-of-use/applications/:applicationNo', async (request, response) => {
    const { applicationNo } = request.params;
    response.json(await applicationDetail(context.camunda, currentUser(request), applicationNo, piiRequest(request)));
  });
  router.post(
    '/change-of-use/applications/:applicationNo/payments',
    requireRole('counter-clerk'),
    async (request, response) => {
      const input = parseInput(paymentInput, request.body, '缴费');
      const applicationNo = String(request.params.applicationNo);
      response
        .status(201)
        .json(await recordChangePayment(context.camunda, applicationNo, input, currentUser(request).login));
    },
  );
  router.post(
    '/change-of-use/applications/:applicationNo/extend',
    requireRole('counter-clerk'),
    async (request, response) => {
      const input = parseInput(extensionInput, request.body, '延期');
      const applicationNo = String(request.params.applicationNo);
      response.json(await extendTemporaryChange(context.camunda, applicationNo, input, currentUser(request).login));
    },
  );
  return router;
}
