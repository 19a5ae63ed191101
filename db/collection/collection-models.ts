/**
 * The collection area's tables: payments of bills (every channel, with negative rows for approved reversals and
 * refunds), how each payment was allocated (penalty, principal, prepayment), the bank files imported, the arrears
 * cases, and the extreme-weather days an administrator sets. Bills and their lines are never changed here but for
 * `bills.paid_at`, set when a bill is paid in full.
 */
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/** BIGINT comes back as a string from MariaDB: answer numbers on both databases. */
const fenColumn = (attribute: string) => ({
  type: DataTypes.BIGINT,
  allowNull: false,
  get(this: Model) {
    return Number(this.getDataValue(attribute as never));
  },
});

export class BillPayment extends Model<InferAttributes<BillPayment>, InferCreationAttributes<BillPayment>> {
  declare id: CreationOptional<number>;
  declare accountId: number;
  /** Negative on the row an approved reversal or refund adds. */
  declare amountFen: number;
  /** counter | bank | app */
  declare channel: string;
  /** cash | card | wechat | alipay | bank-collection … */
  declare method: string;
  /** The day paid (China time): the penalty counts to it, the reconciliation groups by it. */
  declare paidOn: string;
  declare paidAt: Date;
  declare recordedBy: string;
  declare receiptNo: string;
  /** The bank's serial number of a bank-file row or the app's transaction number; unique per channel. */
  declare externalRef: CreationOptional<string | null>;
  declare bankImportId: CreationOptional<number | null>;
  /** On a reversal's or refund's row: the payment it takes back. */
  declare refundOf: CreationOptional<number | null>;
}

export class PaymentAllocation extends Model<
  InferAttributes<PaymentAllocation>,
  InferCreationAttributes<PaymentAllocation>
> {
  declare id: CreationOptional<number>;
  declare accountId: number;
  /** The payment whose money it is; null when the money comes from the prepayment balance. */
  declare paymentId: number | null;
  /** null for a prepayment row. */
  declare billId: number | null;
  /** penalty | principal | prepayment (into the balance: positive; drawn from it: negative) */
  declare kind: string;
  declare amountFen: number;
  declare allocatedOn: string;
  /** On the rows a reversal adds: the allocation they cancel. */
  declare reverses: CreationOptional<number | null>;
}

export class BankImport extends Model<InferAttributes<BankImport>, InferCreationAttributes<BankImport>> {
  declare id: CreationOptional<number>;
  declare bank: string;
  declare fileName: string;
  /** sha256 of the file: the same file imported twice is refused. */
  declare fileHash: string;
  declare rowCount: number;
  declare matchedCount: number;
  declare unmatchedCount: number;
  /** The file's own totals (its TOTAL row) and what was applied. */
  declare declaredCount: number;
  declare declaredFen: number;
  declare matchedFen: number;
  declare unmatchedFen: number;
  /** The unmatched rows with their reasons. */
  declare report: unknown;
  declare importedBy: string;
  declare importedAt: Date;
}

export class ArrearsCase extends Model<InferAttributes<ArrearsCase>, InferCreationAttributes<ArrearsCase>> {
  declare id: CreationOptional<number>;
  /** QF<yyyymmdd>-<nnnn>: the process's businessKey. */
  declare caseNo: string;
  declare accountId: number;
  /** open | noticed | disconnected | settled | reconnected */
  declare status: string;
  declare openedOn: string;
  declare processInstanceKey: CreationOptional<string | null>;
  declare remindedAt: CreationOptional<Date | null>;
  declare noticeSentAt: CreationOptional<Date | null>;
  declare cutPlannedAt: CreationOptional<Date | null>;
  declare disconnectedAt: CreationOptional<Date | null>;
  declare settledAt: CreationOptional<Date | null>;
  declare reconnectedAt: CreationOptional<Date | null>;
  /** The penalty accrued when a step last looked (the API computes today's). */
  declare penaltyFen: CreationOptional<number>;
  /** The unit of the account's customer (decision 0025): whose people see the case and its tasks. */
  declare unitCode: CreationOptional<string | null>;
  /** Reminders (催费通知) sent so far (the arrears-reminders rule says how many and how far apart). */
  declare remindersSent: CreationOptional<number>;
}

export class WeatherFlag extends Model<InferAttributes<WeatherFlag>, InferCreationAttributes<WeatherFlag>> {
  declare id: CreationOptional<number>;
  /** An area code as customers carry it (e.g. SH-PD). */
  declare area: string;
  declare day: string;
  /** heat | cold | storm | other */
  declare kind: string;
  declare note: string | null;
  declare setBy: string;
}

export function initCollectionModels(sequelize: Sequelize): void {
  BillPayment.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      accountId: { type: DataTypes.INTEGER, allowNull: false },
      amountFen: fenColumn('amountFen'),
      channel: { type: DataTypes.STRING(16), allowNull: false },
      method: { type: DataTypes.STRING(32), allowNull: false },
      paidOn: { type: DataTypes.DATEONLY, allowNull: false },
      paidAt: { type: DataTypes.DATE, allowNull: false },
      recordedBy: { type: DataTypes.STRING(64), allowNull: false },
      receiptNo: { type: DataTypes.STRING(32), allowNull: false, unique: true },
      externalRef: { type: DataTypes.STRING(64), allowNull: true },
      bankImportId: { type: DataTypes.INTEGER, allowNull: true },
      refundOf: { type: DataTypes.INTEGER, allowNull: true },
    },
    {
      sequelize,
      tableName: 'bill_payments',
      timestamps: false,
      indexes: [
        { name: 'bill_payments_account', fields: ['account_id'] },
        { name: 'bill_payments_day', fields: ['paid_on', 'channel'] },
        { name: 'bill_payments_external', fields: ['channel', 'external_ref'], unique: true },
      ],
    },
  );
  PaymentAllocation.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      accountId: { type: DataTypes.INTEGER, allowNull: false },
      paymentId: { type: DataTypes.INTEGER, allowNull: true },
      billId: { type: DataTypes.INTEGER, allowNull: true },
      kind: { type: DataTypes.STRING(16), allowNull: false },
      amountFen: fenColumn('amountFen'),
      allocatedOn: { type: DataTypes.DATEONLY, allowNull: false },
      reverses: { type: DataTypes.INTEGER, allowNull: true },
    },
    {
      sequelize,
      tableName: 'payment_allocations',
      timestamps: false,
      indexes: [
        { name: 'payment_allocations_account', fields: ['account_id', 'kind'] },
        { name: 'payment_allocations_bill', fields: ['bill_id'] },
        { name: 'payment_allocations_payment', fields: ['payment_id'] },
      ],
    },
  );
  BankImport.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      bank: { type: DataTypes.STRING(32), allowNull: false },
      fileName: { type: DataTypes.STRING(255), allowNull: false },
      fileHash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
      rowCount: { type: DataTypes.INTEGER, allowNull: false },
      matchedCount: { type: DataTypes.INTEGER, allowNull: false },
      unmatchedCount: { type: DataTypes.INTEGER, allowNull: false },
      declaredCount: { type: DataTypes.INTEGER, allowNull: false },
      declaredFen: fenColumn('declaredFen'),
      matchedFen: fenColumn('matchedFen'),
      unmatchedFen: fenColumn('unmatchedFen'),
      report: { type: DataTypes.JSON, allowNull: false },
      importedBy: { type: DataTypes.STRING(64), allowNull: false },
      importedAt: { type: DataTypes.DATE, allowNull: false },
    },
    { sequelize, tableName: 'bank_imports', timestamps: false },
  );
  ArrearsCase.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      caseNo: { type: DataTypes.STRING(32), allowNull: false, unique: true },
      accountId: { type: DataTypes.INTEGER, allowNull: false },
      status: { type: DataTypes.STRING(16), allowNull: false },
      openedOn: { type: DataTypes.DATEONLY, allowNull: false },
      processInstanceKey: { type: DataTypes.STRING(32), allowNull: true },
      remindedAt: { type: DataTypes.DATE, allowNull: true },
      noticeSentAt: { type: DataTypes.DATE, allowNull: true },
      cutPlannedAt: { type: DataTypes.DATE, allowNull: true },
      disconnectedAt: { type: DataTypes.DATE, allowNull: true },
      settledAt: { type: DataTypes.DATE, allowNull: true },
      reconnectedAt: { type: DataTypes.DATE, allowNull: true },
      penaltyFen: { ...fenColumn('penaltyFen'), defaultValue: 0 },
      unitCode: { type: DataTypes.STRING(64), allowNull: true },
      remindersSent: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    },
    {
      sequelize,
      tableName: 'arrears_cases',
      indexes: [{ name: 'arrears_cases_account', fields: ['account_id', 'status'] }],
    },
  );
  WeatherFlag.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      area: { type: DataTypes.STRING(32), allowNull: false },
      day: { type: DataTypes.DATEONLY, allowNull: false },
      kind: { type: DataTypes.STRING(16), allowNull: false },
      note: { type: DataTypes.STRING(255), allowNull: true },
      setBy: { type: DataTypes.STRING(64), allowNull: false },
    },
    {
      sequelize,
      tableName: 'weather_flags',
      indexes: [{ name: 'weather_flags_area_day', fields: ['area', 'day'], unique: true }],
    },
  );
}
