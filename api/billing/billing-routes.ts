/**
 * 抄表核算 API: reading sections and their accounts, billing runs (start one, read its state, anomalies and the
 * bills the review flagged), reading files imported with their progress, and readings entered by hand.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../app-context';
import { currentUser, requireRole } from '../auth/require-auth';
import { parseId, parseInput, parseQuery } from '../../lib/validation/parse-input';
import {
  assignAccounts,
  createSection,
  enterReading,
  flaggedBills,
  listRuns,
  listSections,
  readingImport,
  readingInput,
  readingsOfAccount,
  receiveReadingFile,
  runAnomalies,
  runDetail,
  runInput,
  sectionAccountsInput,
  sectionIdsInScope,
  sectionInScope,
  sectionUnitInScope,
  sectionInput,
  startBillingRun,
} from '../../domain/billing';
import { accountInScope } from '../../domain/customers';
import { scopedRun } from './scoped-params';

/** Who reads billing: the cycle's roles and managers. */
export const BILLING_READERS = ['meter-reader', 'billing-clerk', 'billing-reviewer', 'billing-supervisor', 'manager'];
const RUN_STARTERS = ['billing-clerk', 'billing-supervisor'];
const READING_WRITERS = ['meter-reader', 'billing-clerk'];

const readingsQuery = z.object({
  accountId: z.coerce.number().int().positive(),
  period: z.string().optional(),
});
const importQuery = z.object({ period: z.string(), fileName: z.string().optional() });

export function billingRoutes(context: AppContext): Router {
  const router = Router();
  const read = requireRole(...BILLING_READERS);
  router.get('/billing/sections', read, async (request, response) => {
    response.json(await listSections(await sectionIdsInScope(currentUser(request))));
  });
  router.post('/billing/sections', requireRole(...RUN_STARTERS), async (request, response) => {
    const input = parseInput(sectionInput, request.body, '抄表段');
    await sectionUnitInScope(currentUser(request), input.unitCode);
    response.status(201).json(await createSection(input));
  });
  router.put('/billing/sections/:id/accounts', requireRole(...RUN_STARTERS), async (request, response) => {
    const input = parseInput(sectionAccountsInput, request.body, '抄表段用户');
    const sectionId = parseId(request.params.id, '抄表段');
    await sectionInScope(currentUser(request), sectionId);
    response.json(await assignAccounts(sectionId, input));
  });
  router.get('/billing/runs', read, async (request, response) => {
    response.json(await listRuns(await sectionIdsInScope(currentUser(request))));
  });
  router.post('/billing/runs', requireRole(...RUN_STARTERS), async (request, response) => {
    const input = parseInput(runInput, request.body, '核算批次');
    await sectionInScope(currentUser(request), input.sectionId);
    response.status(201).json(await startBillingRun(context, input, currentUser(request).login));
  });
  // A run of another unit's section is not found (decision 0025).
  router.get('/billing/runs/:runNo', read, async (request, response) => {
    response.json(await runDetail((await scopedRun(request)).runNo));
  });
  router.get('/billing/runs/:runNo/anomalies', read, async (request, response) => {
    response.json(await runAnomalies((await scopedRun(request)).runNo));
  });
  router.get('/billing/runs/:runNo/flagged-bills', read, async (request, response) => {
    response.json(await flaggedBills((await scopedRun(request)).runNo));
  });
  // The body is the CSV itself (any content type but JSON), streamed to disk: `?period=YYYY-MM&fileName=…`.
  router.post('/billing/reading-imports', requireRole(...READING_WRITERS), async (request, response) => {
    const query = parseQuery(importQuery, request.query, '抄表数据导入');
    const actor = currentUser(request).login;
    response.status(202).json(await receiveReadingFile(context.sequelize, request, { ...query, actor }));
  });
  router.get('/billing/reading-imports/:id', read, async (request, response) => {
    response.json(await readingImport(parseId(request.params.id, '抄表数据导入')));
  });
  router.get('/billing/readings', read, async (request, response) => {
    const query = parseQuery(readingsQuery, request.query, '抄表示数');
    await accountInScope(currentUser(request), query.accountId);
    response.json(await readingsOfAccount(query.accountId, query.period));
  });
  router.post('/billing/readings', requireRole(...READING_WRITERS), async (request, response) => {
    const input = parseInput(readingInput, request.body, '抄表示数');
    await accountInScope(currentUser(request), input.accountId);
    const reading = await enterReading(context.sequelize, input, currentUser(request).login);
    response.status(201).json(reading.get({ plain: true }));
  });
  return router;
}
