/** Reading sections (抄表段): list them with their account counts, create one, put accounts in one. */
import { z } from 'zod';
import { Op, fn, col } from 'sequelize';
import { ReadingSection, SectionAccount } from '../../../db/billing/reading-models';
import { Account } from '../../../db/core/customer-models';
import { conflict, notFound, validationError } from '../../../lib/errors/app-error';

export const sectionInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,32}$/, '字母、数字和 - / letters, digits and -'),
    name: z.string().trim().min(1).max(128),
    unitCode: z.string().trim().min(1).max(64),
    readingDay: z.number().int().min(1).max(28),
  })
  .strict();

export const sectionAccountsInput = z
  .object({ accountIds: z.array(z.number().int().positive()).min(1).max(10_000) })
  .strict();

/** The sections (those of `sectionIds` only when given: the reader's units) with their account counts. */
export async function listSections(sectionIds: number[] | null = null) {
  const sections = await ReadingSection.findAll({
    where: sectionIds === null ? {} : { id: sectionIds },
    order: [['code', 'ASC']],
    raw: true,
  });
  const counts = (await SectionAccount.findAll({
    attributes: ['sectionId', [fn('COUNT', col('id')), 'accounts']],
    group: ['sectionId'],
    raw: true,
  })) as unknown as { sectionId: number; accounts: number }[];
  const byId = new Map(counts.map((row) => [Number(row.sectionId), Number(row.accounts)]));
  return { items: sections.map((section) => ({ ...section, accounts: byId.get(section.id) ?? 0 })) };
}

export async function createSection(input: z.infer<typeof sectionInput>) {
  if (await ReadingSection.findOne({ where: { code: input.code } }))
    throw conflict(`抄表段 ${input.code} 已存在 / section ${input.code} exists`);
  return (await ReadingSection.create(input)).get({ plain: true });
}

/** Puts accounts in a section; an account already in another section moves (it is read in one). */
export async function assignAccounts(sectionId: number, input: z.infer<typeof sectionAccountsInput>) {
  if (!(await ReadingSection.findByPk(sectionId))) throw notFound('抄表段 / section', sectionId);
  const known = await Account.count({ where: { id: { [Op.in]: input.accountIds } } });
  if (known !== new Set(input.accountIds).size) throw validationError('有户号不存在 / some accounts do not exist');
  await SectionAccount.destroy({ where: { accountId: { [Op.in]: input.accountIds } } });
  await SectionAccount.bulkCreate([...new Set(input.accountIds)].map((accountId) => ({ sectionId, accountId })));
  return { sectionId, accounts: await SectionAccount.count({ where: { sectionId } }) };
}

/** The accounts of a section, in id order (the order a billing run works through them). */
export async function sectionAccountIds(sectionId: number): Promise<number[]> {
  const rows = await SectionAccount.findAll({
    where: { sectionId },
    attributes: ['accountId'],
    order: [['accountId', 'ASC']],
    raw: true,
  });
  return rows.map((row) => Number(row.accountId));
}
