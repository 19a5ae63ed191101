/**
 * What a 业扩 case produces after the scheme: fees (业务费用) and the payments against them, the supply contract
 * (供用电合同), metering points with their meters, and the archive (归档) snapshot. Keyed by application number so
 * that a redelivered job finds what it already made.
 */
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { ledgerColumns, type LedgerFields } from '../core/payment-ledger-models';

export class Fee extends Model<InferAttributes<Fee>, InferCreationAttributes<Fee>> {
  declare id: CreationOptional<number>;
  declare applicationNo: string;
  /** high-reliability | ... : one row per kind and case. */
  declare kind: string;
  declare name: string;
  declare amountFen: number;
  /** How it was reckoned, e.g. { capacityKva, ratePerKva, source }. */
  declare basis: CreationOptional<Record<string, unknown>>;
}

export class Payment extends Model<InferAttributes<Payment>, InferCreationAttributes<Payment>> {
  declare id: CreationOptional<number>;
  declare applicationNo: string;
  declare amountFen: number;
  /** counter | bank-transfer | wechat | alipay */
  declare method: string;
  declare paidAt: Date;
  declare recordedBy: string;
  declare receiptNo: LedgerFields['receiptNo'];
  declare prepaymentFen: LedgerFields['prepaymentFen'];
  declare refundOf: LedgerFields['refundOf'];
}

export class Contract extends Model<InferAttributes<Contract>, InferCreationAttributes<Contract>> {
  declare id: CreationOptional<number>;
  declare contractNo: string;
  declare applicationNo: string;
  declare text: string;
  /** drafted | signed */
  declare status: CreationOptional<string>;
  /** The day the contract was signed, as the clerk entered it (three-zero: the day of application). */
  declare signedOn: CreationOptional<string | null>;
  /** When the signing was registered (the step's completion), not the signing day. */
  declare signedAt: Date | null;
}

export class MeteringPoint extends Model<InferAttributes<MeteringPoint>, InferCreationAttributes<MeteringPoint>> {
  declare id: CreationOptional<number>;
  declare pointNo: string;
  declare applicationNo: string;
  declare accountId: number | null;
  declare location: string;
  declare meteringMethod: string;
}

export class Meter extends Model<InferAttributes<Meter>, InferCreationAttributes<Meter>> {
  declare id: CreationOptional<number>;
  /** The asset number (资产编号) printed on the meter. */
  declare assetNo: string;
  declare meteringPointId: number;
  declare spec: string;
  declare installedAt: Date | null;
}

export class CaseArchive extends Model<InferAttributes<CaseArchive>, InferCreationAttributes<CaseArchive>> {
  declare id: CreationOptional<number>;
  declare applicationNo: string;
  declare archivedAt: Date;
  /** The whole case as it was when archived: application, documents, scheme, fees, payments, contract, metering. */
  declare snapshot: Record<string, unknown>;
}

// Fresh attribute objects per model: Sequelize annotates the definitions it is given.
const id = () => ({ type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true });
const applicationNo = (unique = false) => ({ type: DataTypes.STRING(32), allowNull: false, unique });

export function initCaseModels(sequelize: Sequelize): void {
  Fee.init(
    {
      id: id(),
      applicationNo: applicationNo(),
      kind: { type: DataTypes.STRING(32), allowNull: false },
      name: { type: DataTypes.STRING(64), allowNull: false },
      amountFen: { type: DataTypes.BIGINT, allowNull: false },
      basis: { type: DataTypes.JSON, allowNull: false, defaultValue: {} },
    },
    { sequelize, tableName: 'be_fees', indexes: [{ fields: ['application_no', 'kind'], unique: true }] },
  );
  Payment.init(
    {
      id: id(),
      applicationNo: applicationNo(),
      amountFen: { type: DataTypes.BIGINT, allowNull: false },
      method: { type: DataTypes.STRING(16), allowNull: false },
      paidAt: { type: DataTypes.DATE, allowNull: false },
      recordedBy: { type: DataTypes.STRING(64), allowNull: false },
      ...ledgerColumns(),
    },
    { sequelize, tableName: 'be_payments', indexes: [{ fields: ['application_no'] }] },
  );
  Contract.init(
    {
      id: id(),
      contractNo: { type: DataTypes.STRING(32), allowNull: false, unique: true },
      applicationNo: applicationNo(true),
      text: { type: DataTypes.TEXT, allowNull: false },
      status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'drafted' },
      signedOn: { type: DataTypes.DATEONLY, allowNull: true },
      signedAt: { type: DataTypes.DATE, allowNull: true },
    },
    { sequelize, tableName: 'be_contracts' },
  );
  MeteringPoint.init(
    {
      id: id(),
      pointNo: { type: DataTypes.STRING(32), allowNull: false, unique: true },
      applicationNo: applicationNo(true),
      accountId: { type: DataTypes.INTEGER, allowNull: true },
      location: { type: DataTypes.STRING(255), allowNull: false },
      meteringMethod: { type: DataTypes.STRING(64), allowNull: false },
    },
    { sequelize, tableName: 'be_metering_points' },
  );
  Meter.init(
    {
      id: id(),
      assetNo: { type: DataTypes.STRING(32), allowNull: false, unique: true },
      meteringPointId: { type: DataTypes.INTEGER, allowNull: false, unique: true },
      spec: { type: DataTypes.STRING(128), allowNull: false },
      installedAt: { type: DataTypes.DATE, allowNull: true },
    },
    { sequelize, tableName: 'be_meters' },
  );
  CaseArchive.init(
    {
      id: id(),
      applicationNo: applicationNo(true),
      archivedAt: { type: DataTypes.DATE, allowNull: false },
      snapshot: { type: DataTypes.JSON, allowNull: false },
    },
    { sequelize, tableName: 'be_archives' },
  );
}
