/**
 * An account's tariff terms, versioned by effective day (a change is a new version, never an edit), and the
 * corrections (电费退补) of issued bills with their approval. The prices themselves are rule rows (billing_rules).
 */
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { decimalColumn } from '../column-types';

export class AccountTariff extends Model<InferAttributes<AccountTariff>, InferCreationAttributes<AccountTariff>> {
  declare id: CreationOptional<number>;
  declare accountId: number;
  /** The first day the version is in force; it stays in force until a later version of the account. */
  declare effectiveFrom: string;
  /** residential-tiered | single-part | two-part | agricultural */
  declare kind: string;
  /** capacity | demand (two-part only); null otherwise. */
  declare basicChargeBasis: string | null;
  declare contractDemandKw: number | null;
  /** '0.90' | '0.85' | '0.80'; null: not adjusted. */
  declare powerFactorStandard: string | null;
  declare timeOfUse: boolean;
  /** The province whose rule rows apply ('*' for the defaults). */
  declare ruleScope: string;
  declare reason: string | null;
  declare createdBy: string;
  declare createdAt: CreationOptional<Date>;
}

export class BillCorrection extends Model<InferAttributes<BillCorrection>, InferCreationAttributes<BillCorrection>> {
  declare id: CreationOptional<number>;
  /** TB + day + serial, the case's businessKey. */
  declare correctionNo: string;
  declare billId: number;
  declare accountId: number;
  declare period: string;
  declare reason: string;
  /** The use the bill should have been computed from (MeteredUse). */
  declare correctedUse: Record<string, unknown>;
  /** requested | computed | approved | rejected */
  declare status: CreationOptional<string>;
  /** The bill's amount when the correction was asked for, the recomputed amount, and their difference (fen). */
  declare originalFen: number | null;
  declare recomputedFen: number | null;
  declare differenceFen: number | null;
  /** The recomputed bill's lines, for the approver to compare. */
  declare recomputedLines: unknown;
  declare processInstanceKey: string | null;
  declare requestedBy: string;
  declare requestedAt: Date;
  declare decidedBy: string | null;
  declare decidedAt: Date | null;
  declare decisionComment: string | null;
  /** The correction line written on the bill once approved. */
  declare lineId: number | null;
}

export function initTariffModels(sequelize: Sequelize): void {
  AccountTariff.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      accountId: { type: DataTypes.INTEGER, allowNull: false },
      effectiveFrom: { type: DataTypes.DATEONLY, allowNull: false },
      kind: { type: DataTypes.STRING(32), allowNull: false },
      basicChargeBasis: { type: DataTypes.STRING(16), allowNull: true },
      contractDemandKw: decimalColumn('contractDemandKw', 12, 2),
      powerFactorStandard: { type: DataTypes.STRING(8), allowNull: true },
      timeOfUse: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      ruleScope: { type: DataTypes.STRING(64), allowNull: false, defaultValue: '*' },
      reason: { type: DataTypes.STRING(500), allowNull: true },
      createdBy: { type: DataTypes.STRING(64), allowNull: false },
      createdAt: { type: DataTypes.DATE, allowNull: false },
    },
    {
      sequelize,
      tableName: 'account_tariffs',
      updatedAt: false,
      indexes: [{ name: 'account_tariffs_version', fields: ['account_id', 'effective_from'], unique: true }],
    },
  );
  BillCorrection.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      correctionNo: { type: DataTypes.STRING(32), allowNull: false, unique: true },
      billId: { type: DataTypes.INTEGER, allowNull: false },
      accountId: { type: DataTypes.INTEGER, allowNull: false },
      period: { type: DataTypes.STRING(7), allowNull: false },
      reason: { type: DataTypes.STRING(500), allowNull: false },
      correctedUse: { type: DataTypes.JSON, allowNull: false },
      status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'requested' },
      originalFen: { type: DataTypes.BIGINT, allowNull: true },
      recomputedFen: { type: DataTypes.BIGINT, allowNull: true },
      differenceFen: { type: DataTypes.BIGINT, allowNull: true },
      recomputedLines: { type: DataTypes.JSON, allowNull: true },
      processInstanceKey: { type: DataTypes.STRING(32), allowNull: true },
      requestedBy: { type: DataTypes.STRING(64), allowNull: false },
      requestedAt: { type: DataTypes.DATE, allowNull: false },
      decidedBy: { type: DataTypes.STRING(64), allowNull: true },
      decidedAt: { type: DataTypes.DATE, allowNull: true },
      decisionComment: { type: DataTypes.STRING(500), allowNull: true },
      lineId: { type: DataTypes.INTEGER, allowNull: true },
    },
    {
      sequelize,
      tableName: 'bill_corrections',
      timestamps: false,
      indexes: [{ name: 'bill_corrections_bill', fields: ['bill_id'] }],
    },
  );
}
