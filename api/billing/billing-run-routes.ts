/**
 * What the billing screens read (抄表核算, 电费账单): runs paged with their counts, a run's summary, its anomalies
 * with their open tasks and its bills with the flagged ones first; a bill with its lines, payments and penalty so
 * far, and an account's bills by its number. Reads only: starting a run and importing readings are billing's routes.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../app-context';
import { requireRole } from '../auth/require-auth';
import { parseId, parseQuery } from '../../lib/validation/parse-input';
import { runAnomalyTasks, runBills, runListQuery, runPageQuery, runSummaries, runSummary } from '../../domain/billing';
import { accountBillsByNo, billStatement } from '../../domain/collection';
import { BILLING_READERS } from './billing-routes';
import { TARIFF_READERS } from './tariff-routes';

const accountQuery = z.object({ accountNo: z.string().trim().min(1).max(32) });

export function billingRunRoutes(context: AppContext): Router {
  const router = Router();
  const runs = requireRole(...BILLING_READERS);
  const bills = requireRole(...TARIFF_READERS);
  router.get('/billing/run-summaries', runs, async (request, response) => {
    response.json(await runSummaries(parseQuery(runListQuery, request.query, '核算批次')));
  });
  router.get('/billing/run-summaries/:runNo', runs, async (request, response) => {
    response.json(await runSummary(String(request.params.runNo)));
  });
  router.get('/billing/runs/:runNo/anomaly-tasks', runs, async (request, response) => {
    const query = parseQuery(runPageQuery, request.query, '抄表异常');
    response.json(await runAnomalyTasks(context.camunda, String(request.params.runNo), query));
  });
  router.get('/billing/runs/:runNo/bills', runs, async (request, response) => {
    response.json(await runBills(String(request.params.runNo), parseQuery(runPageQuery, request.query, '账单')));
  });
  router.get('/billing/bills/:id/statement', bills, async (request, response) => {
    response.json(await billStatement(parseId(request.params.id, '账单')));
  });
  router.get('/billing/account-bills', bills, async (request, response) => {
    response.json(await accountBillsByNo(parseQuery(accountQuery, request.query, '用电户').accountNo));
  });
  return router;
}
