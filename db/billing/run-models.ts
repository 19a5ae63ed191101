/**
 * A billing run (one reading section, one month) as the billing-cycle process carries it: its state and counts,
 * the anomalies the reading review found with the decision a person took on each, and the bills the billing
 * review flagged for a reviewer.
 */
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/** planned → reading → reviewing-readings → resolving → billing → reviewing-bills → issued → notified */
export type RunState =
  'planned' | 'reading' | 'reviewing-readings' | 'resolving' | 'billing' | 'reviewing-bills' | 'issued' | 'notified';

export class BillingRun extends Model<InferAttributes<BillingRun>, InferCreationAttributes<BillingRun>> {
  declare id: CreationOptional<number>;
  /** The process's businessKey, e.g. 'CB202611-PD0107'. */
  declare runNo: string;
  declare sectionId: number;
  declare period: string;
  declare state: CreationOptional<RunState>;
  declare processInstanceKey: CreationOptional<string | null>;
  declare accountsTotal: CreationOptional<number>;
  declare billsDone: CreationOptional<number>;
  declare anomaliesFound: CreationOptional<number>;
  declare billsFlagged: CreationOptional<number>;
  declare startedBy: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export type AnomalyAction = 're-read' | 'correct' | 'estimate' | 'accept';

export class ReadingAnomaly extends Model<InferAttributes<ReadingAnomaly>, InferCreationAttributes<ReadingAnomaly>> {
  declare id: CreationOptional<number>;
  declare runId: number;
  declare accountId: number;
  declare meterId: CreationOptional<number | null>;
  declare register: string;
  /** The rule that found it: zero-use | negative-use | jump | meter-changed | estimated | missing */
  declare rule: string;
  /** The figures the rule saw (use, average, factor …). */
  declare detail: Record<string, unknown>;
  /** The role whose task it is (meter-reader | billing-clerk). */
  declare role: string;
  declare status: CreationOptional<'open' | 'resolved'>;
  declare action: CreationOptional<AnomalyAction | null>;
  /** The value entered by the decision (re-read, corrected or estimated). */
  declare value: CreationOptional<number | null>;
  declare reason: CreationOptional<string | null>;
  declare decidedBy: CreationOptional<string | null>;
  declare decidedAt: CreationOptional<Date | null>;
}

export class BillFlag extends Model<InferAttributes<BillFlag>, InferCreationAttributes<BillFlag>> {
  declare id: CreationOptional<number>;
  declare runId: number;
  declare billId: number;
  /** Why the bill goes to a reviewer: 'sample', 'amount-over', 'change-over' (with the figures). */
  declare reasons: { rule: string; detail?: Record<string, unknown> }[];
}

const id = () => ({ type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true });
const count = () => ({ type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });

export function initRunModels(sequelize: Sequelize): void {
  BillingRun.init(
    {
      id: id(),
      runNo: { type: DataTypes.STRING(32), allowNull: false, unique: true },
      sectionId: { type: DataTypes.INTEGER, allowNull: false },
      period: { type: DataTypes.STRING(7), allowNull: false },
      state: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'planned' },
      processInstanceKey: { type: DataTypes.STRING(32), allowNull: true },
      accountsTotal: count(),
      billsDone: count(),
      anomaliesFound: count(),
      billsFlagged: count(),
      startedBy: { type: DataTypes.STRING(64), allowNull: false },
      createdAt: { type: DataTypes.DATE, allowNull: false },
      updatedAt: { type: DataTypes.DATE, allowNull: false },
    },
    {
      sequelize,
      tableName: 'billing_runs',
      indexes: [{ name: 'billing_runs_section_period', fields: ['section_id', 'period'], unique: true }],
    },
  );
  ReadingAnomaly.init(
    {
      id: id(),
      runId: { type: DataTypes.INTEGER, allowNull: false },
      accountId: { type: DataTypes.INTEGER, allowNull: false },
      meterId: { type: DataTypes.INTEGER, allowNull: true },
      register: { type: DataTypes.STRING(16), allowNull: false },
      rule: { type: DataTypes.STRING(32), allowNull: false },
      detail: { type: DataTypes.JSON, allowNull: false },
      role: { type: DataTypes.STRING(32), allowNull: false },
      status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'open' },
      action: { type: DataTypes.STRING(16), allowNull: true },
      value: { type: DataTypes.DOUBLE, allowNull: true },
      reason: { type: DataTypes.STRING(500), allowNull: true },
      decidedBy: { type: DataTypes.STRING(64), allowNull: true },
      decidedAt: { type: DataTypes.DATE, allowNull: true },
    },
    {
      sequelize,
      tableName: 'reading_anomalies',
      timestamps: false,
      // A review run twice (a redelivered job) finds the same anomalies, not twice as many.
      indexes: [{ name: 'reading_anomalies_one', fields: ['run_id', 'account_id', 'register', 'rule'], unique: true }],
    },
  );
  BillFlag.init(
    {
      id: id(),
      runId: { type: DataTypes.INTEGER, allowNull: false },
      billId: { type: DataTypes.INTEGER, allowNull: false },
      reasons: { type: DataTypes.JSON, allowNull: false },
    },
    {
      sequelize,
      tableName: 'bill_flags',
      timestamps: false,
      indexes: [{ name: 'bill_flags_run_bill', fields: ['run_id', 'bill_id'], unique: true }],
    },
  );
}
