/**
 * An account a 业扩 connection energized is opened for billing (decision 0062): its tariff terms from the day of
 * energization (account_tariffs, by the `opening-tariff-terms` rule) unless it has terms already (a capacity
 * increase keeps its own), and an initial reading of every register of the case's meters, dated at energization,
 * closing the month before (so the month's run bills the use from it). Safe to repeat: the version is unique per
 * account and day, a reading per account, meter, register and period.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import { MeterReading, type Register } from '../../../db/billing/reading-models';
import { AccountTariff } from '../../../db/billing/tariff-models';
import { chinaDayOf } from '../../../lib/calendar';
import { recordAudit } from '../../audit';
import { shiftPeriod } from '../readings';
import { RuleBook } from '../rules';
import type { TariffTerms } from './billable-account';
import { termsOf } from './load-billable-accounts';
import { OPENING_TERMS } from './rules/opening-terms';
import { openingTerms, type ConnectionFacts } from './opening-terms';

export interface EnergizedConnection {
  accountId: number;
  applicationNo: string;
  energizedAt: Date;
  meterIds: number[];
  /** The meters' reading when installed (the install step's 起度), 0 for a new meter. */
  initialValue: number;
  facts: ConnectionFacts;
}

/** The registers a meter is read on: those listed for it, else those the terms bill by. */
async function registersOf(sequelize: Sequelize, meterId: number, terms: TariffTerms): Promise<Register[]> {
  const listed = await sequelize.query<{ register: Register }>(
    'SELECT register FROM meter_registers WHERE meter_id = :meterId',
    { replacements: { meterId }, type: QueryTypes.SELECT },
  );
  const cumulative = listed.map((row) => row.register).filter((register) => register !== 'max-demand');
  if (listed.length > 0) return cumulative;
  const registers: Register[] = ['total'];
  if (terms.timeOfUse) registers.push('peak', 'flat', 'valley');
  if (terms.powerFactorStandard) registers.push('reactive');
  return registers;
}

async function termsFor(connection: EnergizedConnection, day: string): Promise<TariffTerms> {
  const existing = await AccountTariff.findOne({
    where: { accountId: connection.accountId },
    order: [['effectiveFrom', 'DESC']],
  });
  if (existing) return termsOf(existing);
  const rule = (await RuleBook.load([OPENING_TERMS])).inForce(OPENING_TERMS, '*', day);
  const terms = openingTerms(connection.facts, rule.body);
  const reason = `送电建档 ${connection.applicationNo} / energized`;
  const [, created] = await AccountTariff.findOrCreate({
    where: { accountId: connection.accountId, effectiveFrom: day },
    defaults: { accountId: connection.accountId, effectiveFrom: day, ...terms, reason, createdBy: 'system' },
  });
  if (created)
    await recordAudit({
      actor: 'system',
      action: 'account-tariff.add',
      target: `account:${connection.accountId}`,
      detail: { ...terms, reason, rule: rule.id },
    });
  return terms;
}

export async function openAccountForBilling(sequelize: Sequelize, connection: EnergizedConnection) {
  const day = chinaDayOf(connection.energizedAt);
  const terms = await termsFor(connection, day);
  const period = shiftPeriod(day.slice(0, 7), -1);
  const readings = [];
  for (const meterId of connection.meterIds)
    for (const register of await registersOf(sequelize, meterId, terms))
      readings.push({
        accountId: connection.accountId,
        meterId,
        register,
        period,
        value: connection.initialValue,
        readAt: connection.energizedAt,
        source: 'manual' as const,
        recordedBy: 'system',
        importId: null,
        reason: `送电建档起度 ${connection.applicationNo} / initial reading at energization`,
      });
  if (readings.length > 0) await MeterReading.bulkCreate(readings, { ignoreDuplicates: true });
  return { terms, initialReadings: readings.length, period };
}
