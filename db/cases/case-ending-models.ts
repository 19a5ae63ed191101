/**
 * How a case ended other than by its process running to its end (decision 0023): cancelled (from the API, or
 * directly on the engine and found by the reconciliation), or found by the reconciliation with its process
 * instance ended or gone while the case was still open. One row per case; `source` says who found it.
 */
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export const CASE_ENDING_OUTCOMES = ['cancelled', 'ended', 'vanished'] as const;
export type CaseEndingOutcome = (typeof CASE_ENDING_OUTCOMES)[number];

export class CaseEnding extends Model<InferAttributes<CaseEnding>, InferCreationAttributes<CaseEnding>> {
  declare id: CreationOptional<number>;
  declare businessKey: string;
  /** business-expansion | change-of-use | work-order */
  declare caseKind: string;
  declare processInstanceKey: string | null;
  /** One of CASE_ENDING_OUTCOMES. */
  declare outcome: string;
  declare reason: string;
  /** The login that cancelled, or `engine` / `system` when the reconciliation found it. */
  declare endedBy: string;
  declare endedAt: Date;
  /** api | reconcile */
  declare source: string;
}

export function initCaseEndingModels(sequelize: Sequelize): void {
  CaseEnding.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      businessKey: { type: DataTypes.STRING(64), allowNull: false, unique: true },
      caseKind: { type: DataTypes.STRING(32), allowNull: false },
      processInstanceKey: { type: DataTypes.STRING(32), allowNull: true },
      outcome: { type: DataTypes.STRING(16), allowNull: false },
      reason: { type: DataTypes.STRING(500), allowNull: false },
      endedBy: { type: DataTypes.STRING(64), allowNull: false },
      endedAt: { type: DataTypes.DATE(3), allowNull: false },
      source: { type: DataTypes.STRING(16), allowNull: false },
    },
    { sequelize, tableName: 'case_endings', indexes: [{ fields: ['source', 'ended_at'] }] },
  );
}
