/**
 * 业扩报装 API under /business-expansion: submit and read applications, record what the customer does (payments,
 * supplemented documents, works completed or rectified, a revised design), the supply scheme, and the documents a
 * customer class must hand in (for the counter's checklist).
 */
import { Router } from 'express';
import type { AppContext } from '../app-context';
import { currentUser, requireRole } from '../auth/require-auth';
import { idempotencyKey } from '../http/idempotency-key';
import { paymentRoutes } from '../payments/payment-routes';
import { piiRequest } from '../http/pii-request';
import { parseQuery } from '../../lib/validation/parse-input';
import {
  documentsToHandIn,
  feePayments,
  getApplication,
  getSupplyScheme,
  listApplications,
  reportConstructionCompleted,
  requiredDocumentsInput,
  resubmitDesign,
  submitApplication,
  supplementDocuments,
} from '../../domain/business-expansion';

export function businessExpansionRoutes(context: AppContext): Router {
  const router = Router();
  const counter = requireRole('counter-clerk');
  const base = '/business-expansion';
  router.post(`${base}/applications`, counter, async (request, response) => {
    const login = currentUser(request).login;
    response.status(201).json(await submitApplication(context, request.body, login, idempotencyKey(request)));
  });
  // The customer class and the documents it needs, for the counter's checklist before submitting.
  router.get(`${base}/required-documents`, counter, async (request, response) => {
    const input = parseQuery(requiredDocumentsInput, request.query, '必备资料查询');
    response.json(await documentsToHandIn(context, currentUser(request), input));
  });
  router.get(`${base}/applications`, async (request, response) => {
    response.json({ items: await listApplications(currentUser(request), request.query) });
  });
  router.get(`${base}/applications/:no`, async (request, response) => {
    const no = String(request.params.no);
    response.json(await getApplication(context, currentUser(request), no, piiRequest(request)));
  });
  router.use(paymentRoutes(context, `${base}/applications`, feePayments));
  router.post(`${base}/applications/:no/documents`, counter, async (request, response) => {
    response.status(201).json(await supplementDocuments(context, String(request.params.no), request.body));
  });
  router.post(`${base}/applications/:no/construction-completed`, counter, async (request, response) => {
    response.json(await reportConstructionCompleted(context, String(request.params.no)));
  });
  router.post(`${base}/applications/:no/design`, counter, async (request, response) => {
    response.status(201).json(await resubmitDesign(context, String(request.params.no), request.body));
  });
  router.get(`${base}/supply-schemes/:no`, async (request, response) => {
    response.json(await getSupplyScheme(currentUser(request), String(request.params.no)));
  });
  return router;
}
