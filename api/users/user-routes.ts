/**
 * Users, roles and organisational groups (units). Reading is open to every signed-in user; creating and changing
 * users (their details, roles, groups, activity and password) and units to administrators.
 */
import { Router, type Request } from 'express';
import {
  createUnit,
  createUser,
  deactivateUser,
  getUser,
  listGroups,
  listRoles,
  passwordResetInput,
  reactivateUser,
  resetPassword,
  searchUsers,
  unitInput,
  unitUpdateInput,
  updateUnit,
  updateUser,
  userInput,
  userSearchInput,
  userUpdateInput,
  type Actor,
} from '../../domain/users';
import { parseId, parseInput, parseQuery } from '../../lib/validation/parse-input';
import { currentUser, requireRole } from '../auth/require-auth';
import { noFilters } from '../http/no-filters';
import { requestAddress } from '../http/request-address';

const actorOf = (request: Request): Actor => ({ login: currentUser(request).login, address: requestAddress(request) });
const userId = (request: Request) => parseId(request.params.id, '用户');

export function userRoutes(): Router {
  const router = Router();
  const admin = requireRole('admin');
  router.get('/users', async (request, response) => {
    response.json(await searchUsers(parseQuery(userSearchInput, request.query, '用户查询')));
  });
  router.get('/users/:id', async (request, response) => {
    response.json(await getUser(userId(request), request.params.id));
  });
  router.post('/users', admin, async (request, response) => {
    const input = parseInput(userInput, request.body, '用户');
    response.status(201).json(await createUser(input, actorOf(request)));
  });
  router.patch('/users/:id', admin, async (request, response) => {
    const input = parseInput(userUpdateInput, request.body, '用户');
    response.json(await updateUser(userId(request), input, actorOf(request)));
  });
  router.post('/users/:id/deactivate', admin, async (request, response) => {
    response.json(await deactivateUser(userId(request), actorOf(request)));
  });
  router.post('/users/:id/reactivate', admin, async (request, response) => {
    response.json(await reactivateUser(userId(request), actorOf(request)));
  });
  router.post('/users/:id/reset-password', admin, async (request, response) => {
    const input = parseInput(passwordResetInput, request.body, '重置密码');
    response.json(await resetPassword(userId(request), input, actorOf(request)));
  });
  router.get('/roles', noFilters, async (_request, response) => {
    response.json({ items: await listRoles() });
  });
  router.get('/groups', noFilters, async (_request, response) => {
    response.json({ items: await listGroups() });
  });
  router.post('/groups', admin, async (request, response) => {
    const input = parseInput(unitInput, request.body, '单位');
    response.status(201).json(await createUnit(input, actorOf(request)));
  });
  router.patch('/groups/:code', admin, async (request, response) => {
    const input = parseInput(unitUpdateInput, request.body, '单位');
    response.json(await updateUnit(String(request.params.code), input, actorOf(request)));
  });
  return router;
}
