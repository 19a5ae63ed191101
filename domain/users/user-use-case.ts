/** Users, roles and organisational groups: reading them and adding a user. */
import { Op, col, where as sequelizeWhere, type WhereOptions } from 'sequelize';
import { Group, Role, User } from '../../db/core/user-models';
import { containing } from '../../db/text-search';
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

export const userSearchInput = z
  .object({
    /** Part of the login, name or phone. */
    q: z.string().trim().max(64).optional(),
    role: z.string().max(64).optional(),
    /** A unit (group) code. */
    unit: z.string().max(64).optional(),
    active: z.enum(['true', 'false']).optional(),
    page: z.coerce.number().int().min(1).default(1),
    size: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();

/**
 * One page of users in the order they were created. Roles and units are JSON lists: a code is matched as the quoted
 * string inside the list's text, which reads the same in SQLite and MariaDB.
 */
export async function searchUsers(input: z.infer<typeof userSearchInput>) {
  const sequelize = User.sequelize!;
  const where: WhereOptions<User>[] = [];
  if (input.q)
    where.push({
      [Op.or]: [
        { login: containing(sequelize, input.q) },
        { name: containing(sequelize, input.q) },
        { phone: containing(sequelize, input.q) },
      ],
    });
  if (input.role) where.push(sequelizeWhere(col('roles'), containing(sequelize, JSON.stringify(input.role))));
  if (input.unit) where.push(sequelizeWhere(col('groups'), containing(sequelize, JSON.stringify(input.unit))));
  if (input.active) where.push({ active: input.active === 'true' });
  const { rows, count } = await User.findAndCountAll({
    where: { [Op.and]: where },
    order: [['id', 'ASC']],
    limit: input.size,
    offset: (input.page - 1) * input.size,
  });
  return { items: rows.map(publicUser), total: count, page: input.page, size: input.size };
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
