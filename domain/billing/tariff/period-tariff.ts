/** The tariff terms a period is billed on: the account's version in force on the period's last day (decision 0052). */
import { Op } from 'sequelize';
import { AccountTariff } from '../../../db/billing/tariff-models';
import { daysOfPeriod } from './capacity-days';
import { termsOf } from './load-billable-accounts';

export async function tariffOfPeriod(accountId: number, period: string) {
  const version = await AccountTariff.findOne({
    where: { accountId, effectiveFrom: { [Op.lte]: daysOfPeriod(period).at(-1)! } },
    order: [['effectiveFrom', 'DESC']],
  });
  return version ? termsOf(version) : null;
}
