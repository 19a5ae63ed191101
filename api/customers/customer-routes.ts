/**
 * Customers, accounts and bills: POST/GET /customers, GET /customers/:id (with accounts; `?reveal=pii` for the whole
 * ID and phone numbers, audited), POST /accounts, GET /accounts/:id (with bills), GET /bills?accountId=&unpaid=,
 * POST /bills. Customers are read within the reader's units. Writing needs a counter clerk (or an administrator).
 */
import { Router } from 'express';
import { currentUser, requireRole } from '../auth/require-auth';
import { piiRequest } from '../http/pii-request';
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
    response.status(201).json(await createCustomer(request.body, undefined, currentUser(request).login));
  });
  router.get('/customers', async (request, response) => {
    const { q } = parseQuery(customerSearch, request.query, '客户查询');
    response.json({ items: await searchCustomers(currentUser(request), q) });
  });
  router.get('/customers/:id', async (request, response) => {
    response.json(await getCustomer(currentUser(request), parseId(request.params.id, '客户'), piiRequest(request)));
  });
  router.post('/accounts', writer, async (request, response) => {
    response.status(201).json(await createAccount(currentUser(request), request.body));
  });
  router.get('/accounts/:id', async (request, response) => {
    response.json(await getAccount(currentUser(request), parseId(request.params.id, '用电户')));
  });
  router.get('/bills', async (request, response) => {
    response.json({ items: await listBills(currentUser(request), request.query) });
  });
  router.post('/bills', writer, async (request, response) => {
    response.status(201).json(await createBill(currentUser(request), request.body));
  });
  return router;
}
