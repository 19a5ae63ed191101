/**
 * Customers, accounts and bills: POST/GET /customers, GET /customers/:id (with accounts), POST /accounts,
 * GET /accounts/:id (with bills), GET /bills?accountId=&unpaid=, POST /bills. Writing needs a counter clerk (or an administrator).
 */
import { Router } from 'express';
import { requireRole } from '../auth/require-auth';
import { parseId, parseQuery } from '../../lib/validation/parse-input';
import { z } from '../../lib/validation/zh-error-map';
import {
  createAccount,
  createBill,
  createCustomer,
  getAccount,
  getCustomer,
  listBills,
  searchCustomers,
} from '../../domain/customers';

/** A customer number, name, ID number or phone, or a part of one. */
const customerSearch = z.object({ q: z.string().max(100).optional() });

export function customerRoutes(): Router {
  const router = Router();
  const writer = requireRole('counter-clerk');
  router.post('/customers', writer, async (request, response) => {
    response.status(201).json(await createCustomer(request.body));
  });
  router.get('/customers', async (request, response) => {
    const { q } = parseQuery(customerSearch, request.query, '客户查询');
    response.json({ items: await searchCustomers(q) });
  });
  router.get('/customers/:id', async (request, response) => {
    response.json(await getCustomer(parseId(request.params.id, '客户')));
  });
  router.post('/accounts', writer, async (request, response) => {
    response.status(201).json(await createAccount(request.body));
  });
  router.get('/accounts/:id', async (request, response) => {
    response.json(await getAccount(parseId(request.params.id, '用电户')));
  });
  router.get('/bills', async (request, response) => {
    response.json({ items: await listBills(request.query) });
  });
  router.post('/bills', writer, async (request, response) => {
    response.status(201).json(await createBill(request.body));
  });
  return router;
}
