/** 变更用电 API: accept an application, list and search them, read one case; the customer's payments and extensions. */
import { Router } from 'express';
import type { AppContext } from '../app-context';
import { currentUser, requireRole } from '../auth/require-auth';
import { idempotencyKey } from '../http/idempotency-key';
import { paymentRoutes } from '../payments/payment-routes';
import { parseInput, parseQuery } from '../../lib/validation/parse-input';
import { piiRequest } from '../http/pii-request';
import {
  applicationDetail,
  applicationInput,
  extendTemporaryChange,
  extensionInput,
  changeFeePayments,
  searchApplications,
  searchInput,
  submitChangeApplication,
} from '../../domain/change-of-use';

export function changeOfUseRoutes(context: AppContext): Router {
  const router = Router();
  router.post('/change-of-use/applications', requireRole('counter-clerk'), async (request, response) => {
    const input = parseInput(applicationInput, request.body, '变更申请');
    const login = currentUser(request).login;
    response.status(201).json(await submitChangeApplication(context.camunda, input, login, idempotencyKey(request)));
  });
  router.get('/change-of-use/applications', async (request, response) => {
    response.json(await searchApplications(currentUser(request), parseQuery(searchInput, request.query, '查询')));
  });
  router.get('/change-of-use/applications/:applicationNo', async (request, response) => {
    const { applicationNo } = request.params;
    response.json(await applicationDetail(context.camunda, currentUser(request), applicationNo, piiRequest(request)));
  });
  router.use(paymentRoutes(context, '/change-of-use/applications', changeFeePayments));
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
