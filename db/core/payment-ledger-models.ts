/**
 * What the 业扩 fee payments (be_payments) and the change-of-use works-fee payments (change_payments) share beyond
 * their first columns: the receipt number, the part paid ahead of what was due, and, on the negative row an approved
 * refund or reversal adds, the payment it takes back. The refund requests of both live in one table.
 */
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/** The receipt and refund columns every payment table has (fresh objects: Sequelize annotates what it is given). */
export const ledgerColumns = () => ({
  receiptNo: { type: DataTypes.STRING(32), allowNull: true },
  prepaymentFen: { type: DataTypes.INTEGER, allowNull: true },
  refundOf: { type: DataTypes.INTEGER, allowNull: true },
});

/** The fields those columns give a payment model. */
export interface LedgerFields {
  /** SJ<yyyymmdd>-<nnnn>; null on rows recorded before receipts were numbered. */
  receiptNo: CreationOptional<string | null>;
  /** The part of the amount beyond what was still due, taken as an explicit prepayment. */
  prepaymentFen: CreationOptional<number | null>;
  /** On a refund's or reversal's negative row: the id of the payment it takes back. */
  refundOf: CreationOptional<number | null>;
}

export class PaymentRefund extends Model<InferAttributes<PaymentRefund>, InferCreationAttributes<PaymentRefund>> {
  declare id: CreationOptional<number>;
  /** business-expansion | change-of-use: which payment table paymentId is in. */
  declare caseKind: string;
  declare applicationNo: string;
  declare paymentId: number;
  /** refund (money back to the customer) | reversal (冲正: the payment was recorded in error) */
  declare kind: string;
  declare amountFen: number;
  declare reason: string;
  /** pending | approved | rejected */
  declare status: string;
  declare requestedBy: string;
  declare requestedAt: Date;
  declare decidedBy: string | null;
  declare decidedAt: Date | null;
  /** The negative payment row the approval added. */
  declare ledgerPaymentId: number | null;
}

export function initPaymentLedgerModels(sequelize: Sequelize): void {
  PaymentRefund.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      caseKind: { type: DataTypes.STRING(32), allowNull: false },
      applicationNo: { type: DataTypes.STRING(32), allowNull: false },
      paymentId: { type: DataTypes.INTEGER, allowNull: false },
      kind: { type: DataTypes.STRING(16), allowNull: false },
      amountFen: { type: DataTypes.BIGINT, allowNull: false },
      reason: { type: DataTypes.STRING(500), allowNull: false },
      status: { type: DataTypes.STRING(16), allowNull: false },
      requestedBy: { type: DataTypes.STRING(64), allowNull: false },
      requestedAt: { type: DataTypes.DATE, allowNull: false },
      decidedBy: { type: DataTypes.STRING(64), allowNull: true },
      decidedAt: { type: DataTypes.DATE, allowNull: true },
      ledgerPaymentId: { type: DataTypes.INTEGER, allowNull: true },
    },
    {
      sequelize,
      tableName: 'payment_refunds',
      timestamps: false,
      indexes: [{ name: 'payment_refunds_payment', fields: ['case_kind', 'payment_id'] }],
    },
  );
}
