/**
 * Users, roles and organisational groups. Reading is open to every signed-in user; changes to administrators.
 */
import { Router } from 'express';
import { conflict, notFound } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import { Group, Role, User } from '../../db/core/user-models';
import { hashPassword } from '../auth/password';
import { requireRole } from '../auth/require-auth';
import { parseId, parseInput } from '../../lib/validation/parse-input';

const userInput = z.object({
  login: z.string().regex(/^[a-zA-Z0-9_.-]{2,64}$/, '登录名只能包含字母、数字、_.- / letters, digits, _.- only'),
  name: z.string().min(1).max(64),
  password: z.string().min(8),
  phone: z.string().max(32).optional(),
  roles: z.array(z.string()).default([]),
  groups: z.array(z.string()).default([]),
});

const publicUser = (user: User) => ({
  id: user.id,
  login: user.login,
  name: user.name,
  phone: user.phone,
  active: user.active,
  roles: user.roles,
  groups: user.groups,
});

async function checkCodesExist(roles: string[], groups: string[]): Promise<void> {
  const knownRoles = new Set((await Role.findAll()).map((role) => role.code));
  const knownGroups = new Set((await Group.findAll()).map((group) => group.code));
  const unknown = [...roles.filter((r) => !knownRoles.has(r)), ...groups.filter((g) => !knownGroups.has(g))];
  if (unknown.length) throw notFound('角色或组织 / role or group', unknown.join(', '));
}

export function userRoutes(): Router {
  const router = Router();
  router.get('/users', async (_request, response) => {
    response.json({ items: (await User.findAll({ order: [['id', 'ASC']] })).map(publicUser) });
  });
  router.get('/users/:id', async (request, response) => {
    const user = await User.findByPk(parseId(request.params.id, '用户'));
    if (!user) throw notFound('用户 / user', request.params.id);
    response.json(publicUser(user));
  });
  router.post('/users', requireRole('admin'), async (request, response) => {
    const input = parseInput(userInput, request.body, '用户');
    await checkCodesExist(input.roles, input.groups);
    if (await User.findOne({ where: { login: input.login } }))
      throw conflict(`登录名已存在 / login taken: ${input.login}`);
    const user = await User.create({
      ...input,
      phone: input.phone ?? null,
      passwordHash: hashPassword(input.password),
    });
    response.status(201).json(publicUser(user));
  });
  router.get('/roles', async (_request, response) => {
    response.json({ items: await Role.findAll({ order: [['code', 'ASC']] }) });
  });
  router.get('/groups', async (_request, response) => {
    response.json({ items: await Group.findAll({ order: [['code', 'ASC']] }) });
  });
  return router;
}
