/**
 * Administrators add and edit the organisation's units (org groups: 国网客服中心 → 省 → 市 → 供电公司 → 班组). A unit's
 * code is kept for good (users, cases and notifications carry it); its name, level, parent and served areas may
 * change. A parent must sit at a higher level, so the tree stays a tree and the unit scope (decision 0025) follows
 * it. Each change is audited.
 */
import { Group } from '../../db/core/user-models';
import { conflict, notFound, validationError } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import { recordAudit } from '../audit';
import type { Actor } from './user-use-case';

export const UNIT_LEVELS = ['national', 'province', 'city', 'unit', 'crew'] as const;

const areaCode = z.string().regex(/^[A-Z0-9-]{2,32}$/, '区域代码为大写字母、数字和 - / upper-case letters, digits, -');
const unitFields = {
  name: z.string().trim().min(1).max(128),
  level: z.enum(UNIT_LEVELS),
  parentCode: z.string().max(64).nullable(),
  areas: z.array(areaCode).max(50),
};

export const unitInput = z
  .object({
    code: z.string().regex(/^[A-Z0-9-]{2,64}$/, '单位代码为大写字母、数字和 - / upper-case letters, digits, -'),
    ...unitFields,
    parentCode: unitFields.parentCode.default(null),
    areas: unitFields.areas.default([]),
  })
  .strict();

export const unitUpdateInput = z
  .object(unitFields)
  .partial()
  .strict()
  .refine((input) => Object.keys(input).length > 0, '至少给出一项 / give at least one field');

const publicUnit = (group: Group) => ({
  code: group.code,
  name: group.name,
  level: group.level,
  parentCode: group.parentCode,
  areas: group.areas,
});

/** The parent must exist and be of a higher level than the unit (which also rules out a unit under itself). */
async function checkParent(level: string, parentCode: string | null): Promise<void> {
  if (parentCode === null) return;
  const parent = await Group.findByPk(parentCode);
  if (!parent) throw notFound('上级单位 / parent unit', parentCode);
  const rank = (value: string) => UNIT_LEVELS.indexOf(value as (typeof UNIT_LEVELS)[number]);
  if (rank(parent.level) >= rank(level))
    throw validationError(`上级单位 ${parentCode} 的层级不高于本单位 / parent ${parentCode} is not above a ${level}`, [
      { field: 'parentCode', message: '上级单位的层级须高于本单位 / the parent must be of a higher level' },
    ]);
}

/** A unit moved to a lower level must stay above its own sub-units. */
async function checkChildren(code: string, level: string): Promise<void> {
  const rank = (value: string) => UNIT_LEVELS.indexOf(value as (typeof UNIT_LEVELS)[number]);
  const below = await Group.findAll({ where: { parentCode: code } });
  const clash = below.find((child) => rank(child.level) <= rank(level));
  if (clash)
    throw validationError(
      `下级单位 ${clash.code} 的层级不低于 ${level} / sub-unit ${clash.code} is not below a ${level}`,
      [{ field: 'level', message: '须高于各下级单位的层级 / must be above its sub-units' }],
    );
}

export async function createUnit(input: z.infer<typeof unitInput>, actor: Actor) {
  if (await Group.findByPk(input.code)) throw conflict(`单位代码已存在 / unit code taken: ${input.code}`);
  await checkParent(input.level, input.parentCode);
  const unit = await Group.create(input);
  await recordAudit({
    actor: actor.login,
    action: 'unit.create',
    target: `unit:${unit.code}`,
    address: actor.address,
    detail: input,
  });
  return publicUnit(unit);
}

export async function updateUnit(code: string, input: z.infer<typeof unitUpdateInput>, actor: Actor) {
  const unit = await Group.findByPk(code);
  if (!unit) throw notFound('单位 / unit', code);
  const level = input.level ?? unit.level;
  await checkParent(level, input.parentCode === undefined ? unit.parentCode : input.parentCode);
  await checkChildren(code, level);
  const before = publicUnit(unit);
  await unit.update(input);
  await recordAudit({
    actor: actor.login,
    action: 'unit.update',
    target: `unit:${code}`,
    address: actor.address,
    detail: { before, after: publicUnit(unit) },
  });
  return publicUnit(unit);
}
