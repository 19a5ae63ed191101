/**
 * Collection API (电费收缴、欠费): payments at the counter (cashiers) and from the customer app (its channel
 * account; `Idempotency-Key` honoured on both), bank collection files with their match report, an account's balance
 * and arrears with the penalty accrued to today, reversal and refund requests (cashiers) and their approval (billing
 * supervisors, not the requester), the daily reconciliation per channel, the arrears cases and their opening run,
 * and the extreme-weather days (billing supervisors).
 */
import { Router, type Request } from 'express';
import type { AppContext } from '../app-context';
import { currentUser, requireRole } from '../auth/require-auth';
import { idempotencyKey } from '../http/idempotency-key';
import { requestAddress } from '../http/request-address';
import type { PaymentActor } from '../../domain/payments';
import { parseId } from '../../lib/validation/parse-input';
import { accountNoInScope } from '../../domain/customers';
import {
  accountArrears,
  arrearsCase,
  arrearsCases,
  bankImportReport,
  dailyReconciliation,
  decideBillRefund,
  importBankFile,
  listBillRefunds,
  listWeatherFlags,
  openArrearsCases,
  recordBillPayment,
  removeWeatherFlag,
  requestBillRefund,
  setWeatherFlag,
} from '../../domain/collection';

const actorOf = (request: Request): PaymentActor => ({
  login: currentUser(request).login,
  address: requestAddress(request),
});

/** A counter payment names its account in the body: another unit's account is not found (decision 0025). */
async function accountOfBodyInScope(request: Request): Promise<void> {
  const accountNo = (request.body as { accountNo?: unknown } | undefined)?.accountNo;
  if (typeof accountNo === 'string') await accountNoInScope(currentUser(request), accountNo);
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

export function collectionRoutes(context: AppContext): Router {
  const router = Router();
  const cashier = requireRole('cashier');
  const supervisor = requireRole('billing-supervisor');
  const readers = requireRole('cashier', 'arrears-collector', 'billing-supervisor', 'billing-clerk');
  router.post('/collection/counter/payments', cashier, async (request, response) => {
    await accountOfBodyInScope(request);
    const actor = { ...actorOf(request), idempotencyKey: idempotencyKey(request) };
    const answer = await recordBillPayment(context, 'counter', request.body, actor);
    response.status(answer.status).json(answer.body);
  });
  router.post('/collection/app/payments', requireRole('payment-channel'), async (request, response) => {
    const actor = { ...actorOf(request), idempotencyKey: idempotencyKey(request) };
    const answer = await recordBillPayment(context, 'app', request.body, actor);
    response.status(answer.status).json(answer.body);
  });
  router.post('/collection/bank-files', cashier, async (request, response) => {
    response.status(201).json(await importBankFile(context, request.body, actorOf(request)));
  });
  router.get('/collection/bank-files/:id', readers, async (request, response) => {
    response.json(await bankImportReport(parseId(request.params.id, '导入 / import')));
  });
  router.get('/collection/accounts/:accountNo', readers, async (request, response) => {
    const account = await accountNoInScope(currentUser(request), String(request.params.accountNo));
    response.json(await accountArrears(account.accountNo));
  });
  router.post('/collection/payments/:id/refund', cashier, async (request, response) => {
    response.status(201).json(await requestBillRefund(request.params.id, request.body, actorOf(request)));
  });
  router.get('/collection/refunds', readers, async (request, response) => {
    response.json(await listBillRefunds(text(request.query.status)));
  });
  router.post('/collection/refunds/:refundId/approve', supervisor, async (request, response) => {
    response.json(await decideBillRefund(request.params.refundId, request.body, actorOf(request), true));
  });
  router.post('/collection/refunds/:refundId/reject', supervisor, async (request, response) => {
    response.json(await decideBillRefund(request.params.refundId, request.body, actorOf(request), false));
  });
  router.get('/collection/reconciliation', requireRole('cashier', 'billing-supervisor'), async (request, response) => {
    response.json(await dailyReconciliation(request.query.day));
  });
  router.get('/collection/arrears', readers, async (request, response) => {
    response.json(await arrearsCases(currentUser(request), text(request.query.status)));
  });
  router.get('/collection/arrears/:caseNo', readers, async (request, response) => {
    response.json(await arrearsCase(currentUser(request), String(request.params.caseNo)));
  });
  router.post(
    '/collection/arrears/open',
    requireRole('arrears-collector', 'billing-supervisor'),
    async (_request, response) => {
      response.json(await openArrearsCases(context));
    },
  );
  router.get('/collection/weather-flags', readers, async (request, response) => {
    response.json(await listWeatherFlags(request.query));
  });
  router.put('/collection/weather-flags', supervisor, async (request, response) => {
    response.json(await setWeatherFlag(request.body, actorOf(request)));
  });
  router.delete('/collection/weather-flags/:id', supervisor, async (request, response) => {
    await removeWeatherFlag(request.params.id, actorOf(request));
    response.status(204).end();
  });
  return router;
}
