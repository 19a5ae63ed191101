/**
 * The managers' dashboards, each over `from`/`to` (China days) and optionally one `unit` of the reader's:
 * GET /api/dashboards/compliance — whole-case compliance per unit and month, the 获得电力 view per customer class;
 * GET /api/dashboards/steps — per step: completions, on time, mean and 90th-percentile hours;
 * GET /api/dashboards/backlog — open tasks per group and per person (now; `unit` only);
 * GET /api/dashboards/work-orders — 95598 orders by type, area, satisfaction; urgings and supervisions;
 * GET /api/dashboards/overdue — open tasks past or near their limit, paged.
 */
import { Router } from 'express';
import type { AppContext } from '../app-context';
import { currentUser, requireRole } from '../auth/require-auth';
import { modelTextsFor } from '../http/request-locale';
import { namedInTheirProcess } from '../../lib/model-texts/model-texts';
import {
  backlog,
  complianceDashboard,
  dashboardScope,
  overdueList,
  stepDurations,
  unitsOf,
  workOrderDashboard,
} from '../../domain/dashboards';
import { caseKeysOutside } from '../../domain/cases';
import { parseQuery } from '../../lib/validation/parse-input';
import { z } from '../../lib/validation/zh-error-map';

const unitOnly = z.object({ unit: z.string().trim().min(1).max(64).optional() });

export function dashboardRoutes(context: AppContext): Router {
  const router = Router();
  const { camunda } = context;
  router.use('/dashboards', requireRole('manager'));
  router.get('/dashboards/compliance', async (request, response) => {
    const scope = await dashboardScope(currentUser(request), request.query, '时限达标统计');
    response.json({ from: scope.from, to: scope.to, ...(await complianceDashboard(camunda, scope)) });
  });
  router.get('/dashboards/steps', async (request, response) => {
    const scope = await dashboardScope(currentUser(request), request.query, '环节用时统计');
    const steps = namedInTheirProcess(modelTextsFor(request, response), await stepDurations(camunda, scope));
    response.json({ from: scope.from, to: scope.to, steps });
  });
  router.get('/dashboards/backlog', async (request, response) => {
    const { unit } = parseQuery(unitOnly, request.query, '积压统计');
    const excluded = await caseKeysOutside(await unitsOf(currentUser(request), unit));
    response.json(await backlog(camunda, { excluded }));
  });
  router.get('/dashboards/work-orders', async (request, response) => {
    const scope = await dashboardScope(currentUser(request), request.query, '工单统计');
    response.json({ from: scope.from, to: scope.to, ...(await workOrderDashboard(scope)) });
  });
  router.get('/dashboards/overdue', async (request, response) => {
    const page = await overdueList(camunda, currentUser(request), request.query);
    response.json({ ...page, items: namedInTheirProcess(modelTextsFor(request, response), page.items) });
  });
  return router;
}
