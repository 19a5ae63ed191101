/**
 * What people entered at a 业扩 step that matters to the business (survey findings, approval and inspection
 * opinions, seal number and initial reading, energization notes), as the step's worker recorded it: one row per
 * completion of the step (a failed inspection's second round is a second row), keyed by the recording job's
 * element instance so that a redelivered job writes nothing new.
 */
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export class StepRecord extends Model<InferAttributes<StepRecord>, InferCreationAttributes<StepRecord>> {
  declare id: CreationOptional<number>;
  declare applicationNo: string;
  /** The user task's element id: survey, scheme-approval, install-meter, … */
  declare step: string;
  declare occasion: string;
  /** The step's form values as entered. */
  declare entered: Record<string, unknown>;
  declare recordedAt: Date;
}

export function initStepRecordModels(sequelize: Sequelize): void {
  StepRecord.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      applicationNo: { type: DataTypes.STRING(32), allowNull: false },
      step: { type: DataTypes.STRING(32), allowNull: false },
      occasion: { type: DataTypes.STRING(32), allowNull: false },
      entered: { type: DataTypes.JSON, allowNull: false },
      recordedAt: { type: DataTypes.DATE, allowNull: false },
    },
    {
      sequelize,
      tableName: 'be_step_records',
      indexes: [{ name: 'be_step_records_occasion', fields: ['application_no', 'step', 'occasion'], unique: true }],
    },
  );
}
