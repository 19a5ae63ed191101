/**
 * What the customer does while a change case waits on them: the payments of the works fee (a case may be paid in
 * parts) and the extensions of a temporary supply (each with the expiry before and after).
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

export class ChangePayment extends Model<InferAttributes<ChangePayment>, InferCreationAttributes<ChangePayment>> {
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

export class ChangeExtension extends Model<InferAttributes<ChangeExtension>, InferCreationAttributes<ChangeExtension>> {
  declare id: CreationOptional<number>;
  declare applicationNo: string;
  /** 1 for the first extension: with the unique index, two concurrent requests cannot both be the first. */
  declare sequence: number;
  declare months: number;
  declare reason: string;
  declare previousExpiresAt: Date;
  declare newExpiresAt: Date;
  declare requestedBy: string;
  declare requestedAt: Date;
}

export function initCustomerActionModels(sequelize: Sequelize): void {
  ChangePayment.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      applicationNo: { type: DataTypes.STRING(32), allowNull: false },
      amountFen: { type: DataTypes.INTEGER, allowNull: false },
      method: { type: DataTypes.STRING(16), allowNull: false },
      paidAt: { type: DataTypes.DATE, allowNull: false },
      recordedBy: { type: DataTypes.STRING(64), allowNull: false },
      ...ledgerColumns(),
    },
    { sequelize, tableName: 'change_payments', indexes: [{ fields: ['application_no'] }] },
  );
  ChangeExtension.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      applicationNo: { type: DataTypes.STRING(32), allowNull: false },
      sequence: { type: DataTypes.INTEGER, allowNull: false },
      months: { type: DataTypes.INTEGER, allowNull: false },
      reason: { type: DataTypes.STRING(500), allowNull: false },
      previousExpiresAt: { type: DataTypes.DATE, allowNull: false },
      newExpiresAt: { type: DataTypes.DATE, allowNull: false },
      requestedBy: { type: DataTypes.STRING(64), allowNull: false },
      requestedAt: { type: DataTypes.DATE, allowNull: false },
    },
    {
      sequelize,
      tableName: 'change_extensions',
      indexes: [{ fields: ['application_no', 'sequence'], unique: true }],
    },
  );
}
