/**
 * The payment routes of a case that takes payments, under `<base>/:no/payments` (e.g.
 * /business-expansion/applications): record one (counter clerks; `Idempotency-Key` honoured), its receipt, a
 * refund or reversal request (counter clerks) and its approval or rejection (managers, not the requester).
 */
import { Router, type Request } from 'express';
import type { AppContext } from '../app-context';
import { currentUser, requireRole } from '../auth/require-auth';
import { idempotencyKey } from '../http/idempotency-key';
import { requestAddress } from '../http/request-address';
import {
  approveRefund,
  paymentReceipt,
  recordPayment,
  rejectRefund,
  requestRefund,
  type PaymentActor,
  type PaymentBook,
} from '../../domain/payments';

const actorOf = (request: Request): PaymentActor => ({
  login: currentUser(request).login,
  address: requestAddress(request),
});

export function paymentRoutes(context: AppContext, base: string, book: PaymentBook): Router {
  const router = Router();
  const counter = requireRole('counter-clerk');
  const manager = requireRole('manager');
  const payments = `${base}/:no/payments`;
  const no = (request: Request) => String(request.params.no);
  const ids = (request: Request) => ({ paymentId: request.params.id, refundId: request.params.refundId });
  router.post(payments, counter, async (request, response) => {
    const actor = { ...actorOf(request), idempotencyKey: idempotencyKey(request) };
    const answer = await recordPayment(context, book, no(request), request.body, actor);
    response.status(answer.status).json(answer.body);
  });
  router.get(`${payments}/:id/receipt`, async (request, response) => {
    response.json(await paymentReceipt(book, no(request), request.params.id));
  });
  router.post(`${payments}/:id/refund`, counter, async (request, response) => {
    response
      .status(201)
      .json(await requestRefund(book, no(request), request.params.id, request.body, actorOf(request)));
  });
  router.post(`${payments}/:id/refunds/:refundId/approve`, manager, async (request, response) => {
    response.json(await approveRefund(book, no(request), ids(request), request.body, actorOf(request)));
  });
  router.post(`${payments}/:id/refunds/:refundId/reject`, manager, async (request, response) => {
    response.json(await rejectRefund(book, no(request), ids(request), request.body, actorOf(request)));
  });
  return router;
}
