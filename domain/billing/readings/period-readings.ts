/**
 * The readings of many accounts over a few periods in one query, and an account's metered use in a period from
 * them: for each cumulative register, this period's value less the previous period's value of the same meter
 * (a meter without one starts from zero), times the register's multiplier; for max-demand, the value itself.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import type { MeteredUse } from '../tariff';

export interface PeriodReading {
  accountId: number;
  meterId: number;
  register: string;
  period: string;
  value: number;
  source: string;
}

export async function readingsOf(
  sequelize: Sequelize,
  accountIds: number[],
  periods: string[],
): Promise<Map<number, PeriodReading[]>> {
  const byAccount = new Map<number, PeriodReading[]>();
  if (accountIds.length === 0) return byAccount;
  const rows = await sequelize.query<Record<string, unknown>>(
    `SELECT account_id, meter_id, register, period, value, source FROM meter_readings
     WHERE period IN (:periods) AND account_id IN (:accountIds)`,
    { replacements: { periods, accountIds }, type: QueryTypes.SELECT },
  );
  for (const row of rows) {
    const reading: PeriodReading = {
      accountId: Number(row.account_id),
      meterId: Number(row.meter_id),
      register: String(row.register),
      period: String(row.period),
      value: Number(row.value),
      source: String(row.source),
    };
    const list = byAccount.get(reading.accountId);
    if (list) list.push(reading);
    else byAccount.set(reading.accountId, [reading]);
  }
  return byAccount;
}

/** Multipliers of the meters' registers (meter_registers); a register not listed counts 1. */
export async function multipliersOf(sequelize: Sequelize, meterIds: number[]): Promise<Map<string, number>> {
  if (meterIds.length === 0) return new Map();
  const rows = await sequelize.query<{ meter_id: number; register: string; multiplier: number }>(
    'SELECT meter_id, register, multiplier FROM meter_registers WHERE meter_id IN (:meterIds) AND multiplier <> 1',
    { replacements: { meterIds }, type: QueryTypes.SELECT },
  );
  return new Map(rows.map((row) => [`${row.meter_id}:${row.register}`, Number(row.multiplier)]));
}

const ENERGY_KEYS: Record<string, keyof MeteredUse['energyKwh']> = {
  total: 'total',
  peak: 'peak',
  flat: 'flat',
  valley: 'valley',
  'critical-peak': 'criticalPeak',
};

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** The use of one register in `period`: summed over the meters read in it (a meter change leaves two). */
export function registerUse(
  readings: PeriodReading[],
  register: string,
  period: string,
  previous: string,
  multipliers: Map<string, number>,
): number | undefined {
  let use: number | undefined;
  for (const reading of readings) {
    if (reading.register !== register || reading.period !== period) continue;
    const multiplier = multipliers.get(`${reading.meterId}:${register}`) ?? 1;
    const start =
      register === 'max-demand'
        ? 0
        : (readings.find((r) => r.register === register && r.period === previous && r.meterId === reading.meterId)
            ?.value ?? 0);
    use = (use ?? 0) + (reading.value - start) * multiplier;
  }
  return use === undefined ? undefined : round(use);
}

export function meteredUse(
  readings: PeriodReading[],
  period: string,
  previous: string,
  multipliers: Map<string, number>,
): MeteredUse {
  const use: MeteredUse = { energyKwh: { total: 0 } };
  for (const [register, key] of Object.entries(ENERGY_KEYS)) {
    const value = registerUse(readings, register, period, previous, multipliers);
    if (value !== undefined) use.energyKwh[key] = value;
  }
  const reactive = registerUse(readings, 'reactive', period, previous, multipliers);
  if (reactive !== undefined) use.reactiveKvarh = reactive;
  const demand = registerUse(readings, 'max-demand', period, previous, multipliers);
  if (demand !== undefined) use.maxDemandKw = demand;
  return use;
}
