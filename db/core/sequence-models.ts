/** Counters behind case numbers: one row per prefix and day (e.g. YK + 20261008). */
import { DataTypes, Model, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

export class NumberSequence extends Model<InferAttributes<NumberSequence>, InferCreationAttributes<NumberSequence>> {
  declare prefix: string;
  declare day: string;
  declare last: number;
}

export function initSequenceModels(sequelize: Sequelize): void {
  NumberSequence.init(
    {
      prefix: { type: DataTypes.STRING(16), primaryKey: true },
      day: { type: DataTypes.STRING(8), primaryKey: true },
      last: { type: DataTypes.INTEGER, allowNull: false },
    },
    { sequelize, tableName: 'number_sequences', timestamps: false },
  );
}
