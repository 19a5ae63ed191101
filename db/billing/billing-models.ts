/**
 * The billing area's tables: the rules it bills by, kept as versioned data (a change is a new row with its
 * effective day, never an edit of the old one), and the line items every bill is made of. The bills themselves
 * stay in `bills` (db/core/customer-models.ts), which other areas already read for arrears.
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

export class BillingRule extends Model<InferAttributes<BillingRule>, InferCreationAttributes<BillingRule>> {
  declare id: CreationOptional<number>;
  /** Which rule set the row belongs to, e.g. 'residential-tiers' (domain/rule-sets). */
  declare ruleSet: string;
  /** What the row applies to within its set (a province, a category); '*' for everything. */
  declare scope: CreationOptional<string>;
  /** The first day the row is in force; it stays in force until a later row of the same set and scope. */
  declare effectiveFrom: string;
  /** The rule itself, shaped as its rule set's schema says. */
  declare body: unknown;
  /** Where the values come from (a regulation, a tariff notice), shown beside them. */
  declare source: string;
  declare reason: CreationOptional<string | null>;
  declare createdBy: string;
  declare createdAt: CreationOptional<Date>;
}

export class BillLine extends Model<InferAttributes<BillLine>, InferCreationAttributes<BillLine>> {
  declare id: CreationOptional<number>;
  declare billId: number;
  /** Order of the line on the bill. */
  declare seq: number;
  /** What the line charges, e.g. 'energy', 'basic-capacity', 'power-factor', 'fund', 'correction'. */
  declare kind: string;
  /** The line as printed, in Chinese (the API translates kinds, not these texts). */
  declare description: string;
  declare quantity: number | null;
  /** kWh, kW, kVA, day … */
  declare unit: string | null;
  /** 元 per unit, as the tariff states it (up to six decimals). */
  declare unitPrice: number | null;
  /** The line's amount in fen; the bill's amount is the sum of its lines. */
  declare amountFen: number;
  /** The figures the line was computed from (rule rows, readings), for the review and the audit. */
  declare basis: CreationOptional<Record<string, unknown> | null>;
  /** On a correction's line: the correction (退补) it comes from. */
  declare correctionId: CreationOptional<number | null>;
}

export function initBillingModels(sequelize: Sequelize): void {
  BillingRule.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      ruleSet: { type: DataTypes.STRING(64), allowNull: false },
      scope: { type: DataTypes.STRING(64), allowNull: false, defaultValue: '*' },
      effectiveFrom: { type: DataTypes.DATEONLY, allowNull: false },
      body: { type: DataTypes.JSON, allowNull: false },
      source: { type: DataTypes.STRING(255), allowNull: false },
      reason: { type: DataTypes.STRING(500), allowNull: true },
      createdBy: { type: DataTypes.STRING(64), allowNull: false },
      createdAt: { type: DataTypes.DATE, allowNull: false },
    },
    {
      sequelize,
      tableName: 'billing_rules',
      updatedAt: false,
      indexes: [{ name: 'billing_rules_version', fields: ['rule_set', 'scope', 'effective_from'], unique: true }],
    },
  );
  BillLine.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      billId: { type: DataTypes.INTEGER, allowNull: false },
      seq: { type: DataTypes.INTEGER, allowNull: false },
      kind: { type: DataTypes.STRING(32), allowNull: false },
      description: { type: DataTypes.STRING(255), allowNull: false },
      quantity: decimalColumn('quantity', 16, 4),
      unit: { type: DataTypes.STRING(16), allowNull: true },
      unitPrice: decimalColumn('unitPrice', 12, 6),
      amountFen: { type: DataTypes.BIGINT, allowNull: false },
      basis: { type: DataTypes.JSON, allowNull: true },
      correctionId: { type: DataTypes.INTEGER, allowNull: true },
    },
    {
      sequelize,
      tableName: 'bill_lines',
      timestamps: false,
      indexes: [{ name: 'bill_lines_bill', fields: ['bill_id'] }],
    },
  );
}
