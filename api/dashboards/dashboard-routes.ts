/**
 * The managers' dashboards, each over `from`/`to` (China days) and optionally one `unit` of the reader's:
 * GET /api/dashboards/compliance — whole-case compliance per unit and month, the 获得电力 view per customer class;
 * GET /api/dashboards/steps — per step: completions, on time, mean and 90th-percentile hours;
 * GET /api/dashboards/backlog — open tasks per group and per person (now; `unit` only);
 * GET /api/dashboards/work-orders — 95598 orders by type, area, satisfaction; urgings and supervisions;
 * GET /api/dashboards/overdue — open tasks past or near their limit, paged.
 * Compliance, steps and backlog answer the same question from one computation for 30 s or more (decision 0066),
 * saying when (`asOf`).
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
  recentFigures,
  stepDurations,
  unitsOf,
  workOrderDashboard,
  type DashboardScope,
} from '../../domain/dashboards';
import { caseKeysOutside } from '../../domain/cases';
import { parseQuery } from '../../lib/validation/parse-input';
import { z } from '../../lib/validation/zh-error-map';

/** The same figures for the same units and period are the same question (recent-figures.ts). */
const question = (
  figure: string,
  scope: Pick<DashboardScope, 'units'> & Partial<Pick<DashboardScope, 'from' | 'to'>>,
) => JSON.stringify([figure, scope.units, scope.from ?? null, scope.to ?? null]);

const unitOnly = z.object({ unit: z.string().trim().min(1).max(64).optional() });

export function dashboardRoutes(context: AppContext): Router {
  const router = Router();
  const { camunda } = context;
  router.use('/dashboards', requireRole('manager'));
  router.get('/dashboards/compliance', async (request, response) => {
    const scope = await dashboardScope(currentUser(request), request.query, '时限达标统计');
    const figures = await recentFigures(question('compliance', scope), () => complianceDashboard(camunda, scope));
    response.json({ from: scope.from, to: scope.to, ...figures });
  });
  router.get('/dashboards/steps', async (request, response) => {
    const scope = await dashboardScope(currentUser(request), request.query, '环节用时统计');
    const { steps, asOf } = await recentFigures(question('steps', scope), async () => ({
      steps: await stepDurations(camunda, scope),
    }));
    response.json({
      from: scope.from,
      to: scope.to,
      asOf,
      steps: namedInTheirProcess(modelTextsFor(request, response), steps),
    });
  });
  router.get('/dashboards/backlog', async (request, response) => {
    const { unit } = parseQuery(unitOnly, request.query, '积压统计');
    const units = await unitsOf(currentUser(request), unit);
    response.json(
      await recentFigures(question('backlog', { units }), async () =>
        backlog(camunda, { excluded: await caseKeysOutside(units) }),
      ),
    );
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
