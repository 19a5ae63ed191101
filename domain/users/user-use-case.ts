/** Users, roles and organisational groups: reading them, adding a user, and checking a login's password. */
import { Group, Role, User } from '../../db/core/user-models';
import { conflict, notFound } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import { hashPassword, verifyPassword } from './password';

export const userInput = z.object({
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

export async function listUsers() {
  return (await User.findAll({ order: [['id', 'ASC']] })).map(publicUser);
}

/** `shownId` is the id as asked, for the message of a user not found. */
export async function getUser(id: number, shownId: string) {
  const user = await User.findByPk(id);
  if (!user) throw notFound('用户 / user', shownId);
  return publicUser(user);
}

export async function createUser(input: z.infer<typeof userInput>) {
  await checkCodesExist(input.roles, input.groups);
  if (await User.findOne({ where: { login: input.login } }))
    throw conflict(`登录名已存在 / login taken: ${input.login}`);
  const user = await User.create({ ...input, phone: input.phone ?? null, passwordHash: hashPassword(input.password) });
  return publicUser(user);
}

export const listRoles = () => Role.findAll({ order: [['code', 'ASC']] });
export const listGroups = () => Group.findAll({ order: [['code', 'ASC']] });

/** The active user with this login and password, or null. */
export async function authenticate(login: string, password: string) {
  const user = await User.findOne({ where: { login, active: true } });
  if (!user || !verifyPassword(password, user.passwordHash)) return null;
  return { login: user.login, name: user.name, roles: user.roles, groups: user.groups };
}
