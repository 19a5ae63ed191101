/**
 * The 95598 work-order API: create (95598 agents), list and read with the whole history, urge (the customer's
 * urging, taken by an agent), supervise (managers), statistics per unit and per type, and the order types,
 * sub-types, channels and urgencies a new order may have.
 */
import { Router } from 'express';
import type { AppContext } from '../app-context';
import { currentUser, requireRole } from '../auth/require-auth';
import { idempotencyKey } from '../http/idempotency-key';
import { piiRequest } from '../http/pii-request';
import {
  createWorkOrder,
  listWorkOrders,
  superviseWorkOrder,
  urgeWorkOrder,
  workOrderChoices,
  workOrderDetail,
  workOrderStatistics,
} from '../../domain/work-orders';

export function workOrderRoutes(context: AppContext): Router {
  const router = Router();
  const { camunda } = context;
  router.post('/work-orders', requireRole('agent'), async (request, response) => {
    const login = currentUser(request).login;
    response.status(201).json(await createWorkOrder(camunda, request.body, login, idempotencyKey(request)));
  });
  router.get('/work-orders', async (request, response) => {
    response.json(await listWorkOrders(currentUser(request), request.query));
  });
  // Before /work-orders/:orderNo. What a new order may be: the agents' intake screen offers exactly these.
  router.get('/work-orders/types', (_request, response) => {
    response.json(workOrderChoices());
  });
  router.get('/work-orders/statistics', async (request, response) => {
    response.json(await workOrderStatistics(currentUser(request), request.query));
  });
  router.get('/work-orders/:orderNo', async (request, response) => {
    const orderNo = String(request.params.orderNo);
    response.json(await workOrderDetail(camunda, currentUser(request), orderNo, piiRequest(request)));
  });
  router.post('/work-orders/:orderNo/urge', requireRole('agent'), async (request, response) => {
    const actor = currentUser(request);
    response.status(202).json(await urgeWorkOrder(camunda, String(request.params.orderNo), request.body, actor));
  });
  router.post('/work-orders/:orderNo/supervise', requireRole('manager'), async (request, response) => {
    const actor = currentUser(request);
    response.status(202).json(await superviseWorkOrder(camunda, String(request.params.orderNo), request.body, actor));
  });
  return router;
}
