/**
 * An account's tariff terms (account_tariffs), read and versioned: a version takes effect on its day and stays until
 * a later one. A version may not start in a month already billed for the account (that bill would no longer follow
 * its terms; a correction is the way to change it).
 */
import { Op } from 'sequelize';
import { AccountTariff } from '../../../db/billing/tariff-models';
import { Account, Bill } from '../../../db/core/customer-models';
import { chinaDayOf, isDayString } from '../../../lib/calendar';
import { appClock } from '../../../lib/clock/app-clock';
import { businessRuleViolated, conflict, notFound } from '../../../lib/errors/app-error';
import { z } from '../../../lib/validation/zh-error-map';
import { recordAudit } from '../../audit';
import { TARIFF_KINDS } from './billable-account';
import { termsOf } from './load-billable-accounts';

export const accountTariffInput = z
  .object({
    effectiveFrom: z.string().refine(isDayString, { message: '日期格式应为 YYYY-MM-DD / a day YYYY-MM-DD' }),
    kind: z.enum(TARIFF_KINDS),
    basicChargeBasis: z.enum(['capacity', 'demand']).nullable().default(null),
    contractDemandKw: z.number().positive().max(10_000_000).nullable().default(null),
    powerFactorStandard: z.enum(['0.90', '0.85', '0.80']).nullable().default(null),
    timeOfUse: z.boolean().default(false),
    ruleScope: z.string().trim().min(1).max(64).default('*'),
    reason: z.string().trim().min(2).max(500),
  })
  .strict()
  .superRefine((input, context) => {
    const problem = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
    if (input.kind === 'two-part' && !input.basicChargeBasis)
      problem('basicChargeBasis', '两部制须选基本电费计收方式 / a two-part tariff needs a basic charge basis');
    if (input.kind !== 'two-part' && input.basicChargeBasis)
      problem('basicChargeBasis', '只有两部制计收基本电费 / only a two-part tariff has a basic charge');
    if (input.basicChargeBasis === 'demand' && !input.contractDemandKw)
      problem('contractDemandKw', '按需量计收须填合同需量 / a basic charge by demand needs the contract demand');
  });
export type AccountTariffInput = z.infer<typeof accountTariffInput>;

const versionOf = (row: AccountTariff, inForce: boolean) => ({
  id: row.id,
  accountId: row.accountId,
  effectiveFrom: row.effectiveFrom,
  ...termsOf(row),
  reason: row.reason,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
  inForce,
});

async function requireAccount(accountId: number): Promise<Account> {
  const account = await Account.findByPk(accountId);
  if (!account) throw notFound('用电户 / account', accountId);
  return account;
}

export async function accountTariffs(accountId: number) {
  await requireAccount(accountId);
  const today = chinaDayOf(appClock.now());
  const rows = await AccountTariff.findAll({ where: { accountId }, order: [['effectiveFrom', 'DESC']] });
  const current = rows.find((row) => row.effectiveFrom <= today);
  return { accountId, items: rows.map((row) => versionOf(row, row === current)) };
}

export async function addAccountTariff(accountId: number, input: AccountTariffInput, actor: string) {
  await requireAccount(accountId);
  const billed = await Bill.findOne({
    where: { accountId, period: { [Op.gte]: input.effectiveFrom.slice(0, 7) }, status: { [Op.ne]: 'void' } },
    order: [['period', 'DESC']],
  });
  if (billed)
    throw businessRuleViolated(
      'PERIOD_BILLED',
      `该户 ${billed.period} 已出账，电价版本须在其后生效；已出账单请走电费退补 / the account is billed for ${billed.period}: a version takes effect after it (a billed month is changed by a correction)`,
      { lastBilledPeriod: billed.period },
    );
  if (await AccountTariff.count({ where: { accountId, effectiveFrom: input.effectiveFrom } }))
    throw conflict(
      `该户在 ${input.effectiveFrom} 已有电价版本 / the account already has a version on ${input.effectiveFrom}`,
    );
  const { reason, ...terms } = input;
  const row = await AccountTariff.create({ accountId, ...terms, reason, createdBy: actor });
  await recordAudit({
    actor,
    action: 'account-tariff.add',
    target: `account:${accountId}`,
    detail: { ...terms, reason },
  });
  return versionOf(row, input.effectiveFrom <= chinaDayOf(appClock.now()));
}
