/** Users, roles and organisational groups: reading them and adding a user. */
import { Group, Role, User } from '../../db/core/user-models';
import { conflict, notFound } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import { recordAudit } from '../audit';
import { hashPassword } from './password';
import { checkPasswordPolicy } from './password-policy';

/** Who acts on users, for the audit log: the administrator's login and the address they called from. */
export interface Actor {
  login: string;
  address: string;
}

export const userInput = z.object({
  login: z.string().regex(/^[a-zA-Z0-9_.-]{2,64}$/, '登录名只能包含字母、数字、_.- / letters, digits, _.- only'),
  name: z.string().min(1).max(64),
  password: z.string().min(1),
  phone: z.string().max(32).optional(),
  roles: z.array(z.string()).default([]),
  groups: z.array(z.string()).default([]),
});

export const publicUser = (user: User) => ({
  id: user.id,
  login: user.login,
  name: user.name,
  phone: user.phone,
  active: user.active,
  roles: user.roles,
  groups: user.groups,
  passwordChangedAt: user.passwordChangedAt ?? null,
});

export async function checkCodesExist(roles: string[], groups: string[]): Promise<void> {
  const knownRoles = new Set((await Role.findAll()).map((role) => role.code));
  const knownGroups = new Set((await Group.findAll()).map((group) => group.code));
  const unknown = [...roles.filter((r) => !knownRoles.has(r)), ...groups.filter((g) => !knownGroups.has(g))];
  if (unknown.length) throw notFound('角色或组织 / role or group', unknown.join(', '));
}

export async function listUsers() {
  return (await User.findAll({ order: [['id', 'ASC']] })).map(publicUser);
}

/** `shownId` is the id as asked, for the message of a user not found. */
export async function findUser(id: number, shownId: string): Promise<User> {
  const user = await User.findByPk(id);
  if (!user) throw notFound('用户 / user', shownId);
  return user;
}

export const getUser = async (id: number, shownId: string) => publicUser(await findUser(id, shownId));

export async function createUser(input: z.infer<typeof userInput>, actor: Actor) {
  await checkCodesExist(input.roles, input.groups);
  checkPasswordPolicy(input.password, input.login, 'password');
  if (await User.findOne({ where: { login: input.login } }))
    throw conflict(`登录名已存在 / login taken: ${input.login}`);
  const { password, ...attributes } = input;
  const user = await User.create({
    ...attributes,
    phone: input.phone ?? null,
    passwordHash: await hashPassword(password),
    passwordChangedAt: new Date(),
  });
  await recordAudit({
    actor: actor.login,
    action: 'user.create',
    target: `user:${user.login}`,
    address: actor.address,
    detail: { roles: user.roles, groups: user.groups },
  });
  return publicUser(user);
}

export const listRoles = () => Role.findAll({ order: [['code', 'ASC']] });
export const listGroups = () => Group.findAll({ order: [['code', 'ASC']] });
