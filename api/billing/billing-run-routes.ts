/**
 * What the billing screens read (抄表核算, 电费账单): runs paged with their counts, a run's summary, its anomalies
 * with their open tasks and its bills with the flagged ones first; a bill with its lines, payments and penalty so
 * far, and an account's bills by its number. Reads only: starting a run and importing readings are billing's routes.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../app-context';
import { currentUser, requireRole } from '../auth/require-auth';
import { parseQuery } from '../../lib/validation/parse-input';
import {
  runAnomalyTasks,
  runBills,
  runListQuery,
  runPageQuery,
  runSummaries,
  runSummary,
  sectionIdsInScope,
} from '../../domain/billing';
import { accountBillsByNo, billStatement } from '../../domain/collection';
import { accountNoInScope } from '../../domain/customers';
import { BILLING_READERS } from './billing-routes';
import { scopedBillId, scopedRun } from './scoped-params';
import { TARIFF_READERS } from './tariff-routes';

const accountQuery = z.object({ accountNo: z.string().trim().min(1).max(32) });

export function billingRunRoutes(context: AppContext): Router {
  const router = Router();
  const runs = requireRole(...BILLING_READERS);
  const bills = requireRole(...TARIFF_READERS);
  // Every read stays within the reader's units (decision 0025): another unit's run, bill or account is a 404.
  router.get('/billing/run-summaries', runs, async (request, response) => {
    const query = parseQuery(runListQuery, request.query, '核算批次');
    response.json(await runSummaries(query, await sectionIdsInScope(currentUser(request))));
  });
  router.get('/billing/run-summaries/:runNo', runs, async (request, response) => {
    response.json(await runSummary(await scopedRun(request)));
  });
  router.get('/billing/runs/:runNo/anomaly-tasks', runs, async (request, response) => {
    const query = parseQuery(runPageQuery, request.query, '抄表异常');
    response.json(await runAnomalyTasks(context.camunda, await scopedRun(request), query));
  });
  router.get('/billing/runs/:runNo/bills', runs, async (request, response) => {
    const query = parseQuery(runPageQuery, request.query, '账单');
    response.json(await runBills(await scopedRun(request), query));
  });
  router.get('/billing/bills/:id/statement', bills, async (request, response) => {
    response.json(await billStatement(await scopedBillId(request)));
  });
  router.get('/billing/account-bills', bills, async (request, response) => {
    const { accountNo } = parseQuery(accountQuery, request.query, '用电户');
    await accountNoInScope(currentUser(request), accountNo);
    response.json(await accountBillsByNo(accountNo));
  });
  return router;
}
