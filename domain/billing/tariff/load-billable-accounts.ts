/**
 * The accounts of a billing run as the calculator needs them, read in a few queries per thousand accounts: each
 * account with its tariff version in force at the end of the period, its capacity-days off in the period (from the
 * change-of-use ledger) and, for tiered residential accounts, the kWh billed earlier in the year. An account with no
 * tariff version is left out of the answer (the run reports it; it cannot be billed by guesswork).
 */
import { Op, QueryTypes, type Transaction } from 'sequelize';
import { Account } from '../../../db/core/customer-models';
import { AccountChange } from '../../../db/change-of-use/change-of-use-models';
import { AccountTariff } from '../../../db/billing/tariff-models';
import type { BillableAccount, TariffTerms } from './billable-account';
import { capacityDays, daysOfPeriod, type LedgerRecord } from './capacity-days';

const CHUNK = 1_000;
const LEDGER_FIELDS = ['capacityKva', 'status', 'suspendedKva'];

/** The terms of a stored version, as numbers and booleans whatever the database answered. */
export const termsOf = (row: AccountTariff): TariffTerms & { version: string } => ({
  kind: row.kind as TariffTerms['kind'],
  basicChargeBasis: (row.basicChargeBasis ?? null) as TariffTerms['basicChargeBasis'],
  contractDemandKw: row.contractDemandKw === null ? null : Number(row.contractDemandKw),
  powerFactorStandard: (row.powerFactorStandard ?? null) as TariffTerms['powerFactorStandard'],
  timeOfUse: Boolean(row.timeOfUse),
  ruleScope: row.ruleScope,
  version: String(row.effectiveFrom),
});

async function yearToDateKwh(accountIds: number[], period: string, transaction?: Transaction) {
  if (accountIds.length === 0) return new Map<number, number>();
  const rows = await Account.sequelize!.query<{ accountId: number; kwh: number | string }>(
    `SELECT b.account_id AS accountId, SUM(l.quantity) AS kwh FROM bills b JOIN bill_lines l ON l.bill_id = b.id
     WHERE b.account_id IN (:accountIds) AND b.period >= :yearStart AND b.period < :period AND b.status <> 'void'
       AND l.kind = 'energy' GROUP BY b.account_id`,
    {
      replacements: { accountIds, yearStart: `${period.slice(0, 4)}-01`, period },
      type: QueryTypes.SELECT,
      transaction,
    },
  );
  return new Map(rows.map((row) => [Number(row.accountId), Number(row.kwh)]));
}

async function loadChunk(ids: number[], period: string, transaction?: Transaction) {
  const periodEnd = daysOfPeriod(period).at(-1)!;
  const [accounts, versions, ledger] = await Promise.all([
    Account.findAll({ where: { id: { [Op.in]: ids } }, transaction }),
    AccountTariff.findAll({
      where: { accountId: { [Op.in]: ids }, effectiveFrom: { [Op.lte]: periodEnd } },
      order: [['effectiveFrom', 'DESC']],
      transaction,
    }),
    AccountChange.findAll({
      where: { accountId: { [Op.in]: ids }, field: { [Op.in]: LEDGER_FIELDS } },
      raw: true,
      transaction,
    }),
  ]);
  const versionOf = new Map<number, AccountTariff>();
  for (const version of versions) if (!versionOf.has(version.accountId)) versionOf.set(version.accountId, version);
  const recordsOf = new Map<number, LedgerRecord[]>();
  for (const record of ledger as unknown as (LedgerRecord & { accountId: number })[])
    recordsOf.set(record.accountId, [...(recordsOf.get(record.accountId) ?? []), record]);
  const tiered = [...versionOf.values()].filter((v) => v.kind === 'residential-tiered').map((v) => v.accountId);
  const billedInYear = await yearToDateKwh(tiered, period, transaction);

  const answer: BillableAccount[] = [];
  for (const account of accounts) {
    const version = versionOf.get(account.id);
    if (!version) continue;
    answer.push({
      accountId: account.id,
      accountNo: account.accountNo,
      category: account.category,
      voltage: account.voltage,
      tariff: termsOf(version),
      yearToDateKwh: billedInYear.get(account.id) ?? 0,
      ...capacityDays(period, account.capacityKva, recordsOf.get(account.id) ?? []),
    });
  }
  return answer;
}

export async function loadBillableAccounts(
  accountIds: number[],
  period: string,
  transaction?: Transaction,
): Promise<Map<number, BillableAccount>> {
  const answer = new Map<number, BillableAccount>();
  const unique = [...new Set(accountIds)];
  for (let start = 0; start < unique.length; start += CHUNK)
    for (const account of await loadChunk(unique.slice(start, start + CHUNK), period, transaction))
      answer.set(account.accountId, account);
  return answer;
}
