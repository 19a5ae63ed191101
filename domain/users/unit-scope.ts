/**
 * Data scope by organisation unit (decision 0025): a user sees the records of the groups they belong to and of every
 * group below them (省 → 市 → 县/供电公司 → 班组); a crew sees its unit's records. Administrators see everything.
 * Every area filters its lists and reads by id with this one answer.
 */
import { referenceData } from '../../db/core/reference-version';
import { Group, User } from '../../db/core/user-models';
import { notFound } from '../../lib/errors/app-error';
import { hasPermission, type PermissionUser } from './permissions';

export interface ScopeUser extends PermissionUser {
  groups: string[];
}

/** Every group, by code, kept while the reference data is unchanged (shared: read, never change). */
const allGroups = () => referenceData('groups', () => Group.findAll({ order: [['code', 'ASC']] }));

/** The unit codes the user may see, or null for no limit. */
export type UnitScope = string[] | null;

export async function unitScope(user: ScopeUser): Promise<UnitScope> {
  if (await hasPermission(user, '*')) return null;
  const groups = await allGroups();
  const children = new Map<string, string[]>();
  for (const group of groups) {
    if (!group.parentCode) continue;
    children.set(group.parentCode, [...(children.get(group.parentCode) ?? []), group.code]);
  }
  const byCode = new Map(groups.map((group) => [group.code, group]));
  const seen = new Set<string>();
  const visit = (code: string) => {
    if (seen.has(code)) return;
    seen.add(code);
    for (const child of children.get(code) ?? []) visit(child);
  };
  for (const code of user.groups) {
    const group = byCode.get(code);
    // A crew works for its unit: the unit's records are its records.
    visit(group?.level === 'crew' && group.parentCode ? group.parentCode : code);
  }
  return [...seen].sort();
}

export const inScope = (scope: UnitScope, unit: string | null | undefined): boolean =>
  scope === null || (!!unit && scope.includes(unit));

/** A record of `unit` outside the user's scope answers as not found: its existence is not revealed. */
export async function requireInScope(
  user: ScopeUser,
  unit: string | null | undefined,
  what: string,
  id: string | number,
): Promise<void> {
  if (!inScope(await unitScope(user), unit)) throw notFound(what, id);
}

/** A sequelize `where` part limiting `column` to the user's scope (nothing to add for no limit). */
export async function scopeWhere(user: ScopeUser, column = 'unitCode'): Promise<Record<string, string[]>> {
  const scope = await unitScope(user);
  return scope === null ? {} : { [column]: scope };
}

/** The unit-level group serving an area (Group.areas), if any. */
export async function servingUnit(area: string): Promise<string | null> {
  const units = (await allGroups()).filter((group) => group.level === 'unit');
  return units.find((unit) => (unit.areas ?? []).includes(area))?.code ?? null;
}

/** The unit a record of `area` belongs to when no person's unit says otherwise: the one serving it, else the area. */
export async function unitOfArea(area: string): Promise<string> {
  return (await servingUnit(area)) ?? area;
}

/**
 * The unit a record accepted by `login` for `area` belongs to: the accepting user's own unit (a crew's parent unit)
 * when they work in one, otherwise (province staff, administrators) the unit serving the area, or the area itself.
 */
export async function acceptingUnit(login: string, area: string): Promise<string> {
  const user = await User.findOne({ where: { login } });
  const groups = user ? (await allGroups()).filter((group) => user.groups.includes(group.code)) : [];
  const own = groups.find((group) => group.level === 'unit') ?? groups.find((group) => group.level === 'crew');
  if (own) return own.level === 'crew' && own.parentCode ? own.parentCode : own.code;
  return unitOfArea(area);
}
