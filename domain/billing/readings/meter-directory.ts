/**
 * Who a reading belongs to: account numbers and meter asset numbers as a file names them, resolved in bulk (one
 * query per batch of lines, not per line) to ids, with the account each meter is installed for
 * (be_meters → be_metering_points.account_id).
 */
import { Op, QueryTypes, type Sequelize } from 'sequelize';
import { Account } from '../../../db/core/customer-models';

export interface MeterOwner {
  meterId: number;
  accountId: number | null;
}

export async function accountIdsByNo(accountNos: string[]): Promise<Map<string, number>> {
  if (accountNos.length === 0) return new Map();
  const rows = await Account.findAll({
    where: { accountNo: { [Op.in]: accountNos } },
    attributes: ['id', 'accountNo'],
    raw: true,
  });
  return new Map(rows.map((row) => [row.accountNo, row.id]));
}

export async function metersByAssetNo(sequelize: Sequelize, assetNos: string[]): Promise<Map<string, MeterOwner>> {
  if (assetNos.length === 0) return new Map();
  const rows = await sequelize.query<{ id: number; asset_no: string; account_id: number | null }>(
    `SELECT m.id, m.asset_no, p.account_id FROM be_meters m JOIN be_metering_points p ON p.id = m.metering_point_id
     WHERE m.asset_no IN (:assetNos)`,
    { replacements: { assetNos }, type: QueryTypes.SELECT },
  );
  return new Map(rows.map((row) => [row.asset_no, { meterId: row.id, accountId: row.account_id }]));
}

/** The meters installed for an account (a meter change leaves two for a while). */
export async function meterIdsOfAccount(sequelize: Sequelize, accountId: number): Promise<number[]> {
  const rows = await sequelize.query<{ id: number }>(
    `SELECT m.id FROM be_meters m JOIN be_metering_points p ON p.id = m.metering_point_id WHERE p.account_id = :accountId`,
    { replacements: { accountId }, type: QueryTypes.SELECT },
  );
  return rows.map((row) => Number(row.id));
}
