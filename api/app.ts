/**
 * The express application: JSON in and out under /api, login first, one router per business area. An area adds
 * its router in `areaRouters`. Everything outside /api is the browser app (api/web-app). Bodies over
 * APP_MAX_BODY_KB (413) and control characters in any text (400) are refused before login is checked.
 */
import express, { Router, type Express } from 'express';
import { bodyTooLarge, jsonBody } from './http/body-limit';
import { rejectControlCharacters } from './http/control-characters';
import type { AppContext } from './app-context';
import { clockRoutes } from './admin/clock-routes';
import { ruleTableRoutes } from './admin/rule-table-routes';
import { auditRoutes } from './audit/audit-routes';
import { documentRoutes } from './documents/document-routes';
import { viewRoutes } from './views/view-routes';
import { businessExpansionRoutes } from './business-expansion/business-expansion-routes';
import { customerRoutes } from './customers/customer-routes';
import { caseRoutes } from './cases/case-routes';
import { caseDiagramRoutes } from './cases/case-diagram-routes';
import { monitorRoutes } from './monitor/monitor-routes';
import { changeOfUseRoutes } from './change-of-use/change-of-use-routes';
import { collectionRoutes } from './collection/collection-routes';
import { authRoutes } from './auth/auth-routes';
import { requireAuth } from './auth/require-auth';
import { errorHandler } from './http/error-handler';
import { taskRoutes } from './tasks/task-routes';
import { calendarRoutes } from './calendar/calendar-routes';
import { notificationRoutes } from './notifications/notification-routes';
import { timeLimitRoutes } from './time-limits/time-limit-routes';
import { userRoutes } from './users/user-routes';
import { knowledgeRoutes } from './knowledge/knowledge-routes';
import { workOrderRoutes } from './work-orders/work-order-routes';
import { webAppRoutes } from './web-app/serve-web-app';
import { dashboardRoutes } from './dashboards/dashboard-routes';
import { modelingRoutes } from './modeling/modeling-routes';
import { tariffRoutes } from './billing/tariff-routes';
import { billingRoutes } from './billing/billing-routes';
import { billingRunRoutes } from './billing/billing-run-routes';
import { limitInFlight } from './http/overload';

function areaRouters(context: AppContext): Router[] {
  return [
    userRoutes(),
    taskRoutes(context),
    changeOfUseRoutes(context),
    caseRoutes(context),
    caseDiagramRoutes(context),
    monitorRoutes(context),
    calendarRoutes(context),
    timeLimitRoutes(),
    notificationRoutes(),
    workOrderRoutes(context),
    knowledgeRoutes(),
    customerRoutes(),
    businessExpansionRoutes(context),
    auditRoutes(),
    documentRoutes(context),
    viewRoutes(),
    dashboardRoutes(context),
    modelingRoutes(context),
    collectionRoutes(context),
    tariffRoutes(context),
    billingRoutes(context),
    billingRunRoutes(context),
  ];
}

export function createApp(context: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  // Before any route and login check: an oversized body is a 413, a request past capacity a 503, a control
  // character a 400.
  const maxBodyKb = context.config.APP_MAX_BODY_KB;
  // The health answer stays out of the limit: a busy API is still alive.
  app.get('/api/health', (_request, response) => {
    response.json({ status: 'UP' });
  });
  app.use('/api', limitInFlight(context.config.APP_MAX_IN_FLIGHT));
  app.use(jsonBody(maxBodyKb), bodyTooLarge(maxBodyKb));
  app.use('/api', rejectControlCharacters);
  app.use('/api/auth', authRoutes(context));
  const api = Router();
  api.use(requireAuth(context.authSecret));
  api.use('/admin', clockRoutes(context));
  api.use('/admin', ruleTableRoutes(context));
  for (const router of areaRouters(context)) api.use(router);
  app.use('/api', api);
  app.use('/api', (request, response) => {
    response
      .status(404)
      .json({ code: 'NOT_FOUND', message: `没有这个接口 / no such route: ${request.method} ${request.path}` });
  });
  app.use(webAppRoutes());
  app.use(errorHandler);
  return app;
}
