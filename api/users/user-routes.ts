/**
 * Users, roles and organisational groups. Reading is open to every signed-in user; changes to administrators.
 */
import { Router } from 'express';
import { createUser, getUser, listGroups, listRoles, listUsers, userInput } from '../../domain/users';
import { parseId, parseInput } from '../../lib/validation/parse-input';
import { requireRole } from '../auth/require-auth';
import { noFilters } from '../http/no-filters';

export function userRoutes(): Router {
  const router = Router();
  router.get('/users', noFilters, async (_request, response) => {
    response.json({ items: await listUsers() });
  });
  router.get('/users/:id', async (request, response) => {
    response.json(await getUser(parseId(request.params.id, '用户'), request.params.id));
  });
  router.post('/users', requireRole('admin'), async (request, response) => {
    const input = parseInput(userInput, request.body, '用户');
    response.status(201).json(await createUser(input));
  });
  router.get('/roles', noFilters, async (_request, response) => {
    response.json({ items: await listRoles() });
  });
  router.get('/groups', noFilters, async (_request, response) => {
    response.json({ items: await listGroups() });
  });
  return router;
}
