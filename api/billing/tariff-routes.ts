/**
 * Billing rules, account tariffs, bills and corrections (电费退补): the rule sets with their versions (a version added
 * by the billing supervisor), an account's tariff versions, its bills and a bill with its lines, and a correction
 * asked for on an issued bill.
 */
import { Router } from 'express';
import type { AppContext } from '../app-context';
import { currentUser, requireRole } from '../auth/require-auth';
import { idempotencyKey } from '../http/idempotency-key';
import { parseInput } from '../../lib/validation/parse-input';
import {
  accountBills,
  accountTariffInput,
  accountTariffs,
  addAccountTariff,
  billDetail,
  correctionDetail,
  correctionInScope,
  correctionInput,
  requestCorrection,
} from '../../domain/billing';
import { scopedAccountId, scopedBillId } from './scoped-params';
import { addRuleSetVersion, listRuleSets, ruleVersionInput } from '../../domain/rule-sets';

/** Who reads rules, tariffs and bills: billing's roles, the counter's cashiers and collectors, managers. */
export const TARIFF_READERS = [
  'billing-clerk',
  'billing-reviewer',
  'billing-supervisor',
  'cashier',
  'arrears-collector',
  'manager',
];

export function tariffRoutes(context: AppContext): Router {
  const router = Router();
  const readers = requireRole(...TARIFF_READERS);
  router.get('/billing/rule-sets', readers, async (_request, response) => {
    response.json(await listRuleSets());
  });
  router.post('/billing/rule-sets/:name/versions', requireRole('billing-supervisor'), async (request, response) => {
    const input = parseInput(ruleVersionInput, request.body, '规则版本');
    response.status(201).json(await addRuleSetVersion(String(request.params.name), input, currentUser(request).login));
  });
  // An account, bill or correction of another unit answers 404 (decision 0025).
  router.get('/billing/accounts/:id/tariffs', readers, async (request, response) => {
    response.json(await accountTariffs(await scopedAccountId(request)));
  });
  router.post(
    '/billing/accounts/:id/tariffs',
    requireRole('billing-clerk', 'billing-supervisor'),
    async (request, response) => {
      const input = parseInput(accountTariffInput, request.body, '电价版本');
      response
        .status(201)
        .json(await addAccountTariff(await scopedAccountId(request), input, currentUser(request).login));
    },
  );
  router.get('/billing/accounts/:id/bills', readers, async (request, response) => {
    response.json(await accountBills(await scopedAccountId(request)));
  });
  router.get('/billing/bills/:id', readers, async (request, response) => {
    response.json(await billDetail(await scopedBillId(request)));
  });
  router.post(
    '/billing/bills/:id/corrections',
    requireRole('billing-clerk', 'billing-supervisor'),
    async (request, response) => {
      const input = parseInput(correctionInput, request.body, '电费退补');
      const bill = await scopedBillId(request);
      const login = currentUser(request).login;
      response.status(201).json(await requestCorrection(context.camunda, bill, input, login, idempotencyKey(request)));
    },
  );
  router.get('/billing/corrections/:correctionNo', readers, async (request, response) => {
    const correctionNo = String(request.params.correctionNo);
    await correctionInScope(currentUser(request), correctionNo);
    response.json(await correctionDetail(correctionNo));
  });
  return router;
}
