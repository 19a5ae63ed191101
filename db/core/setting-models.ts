/** Settings of the running application that must outlive a restart, by name (e.g. the pinned clock). */
import { DataTypes, Model, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

export class AppSetting extends Model<InferAttributes<AppSetting>, InferCreationAttributes<AppSetting>> {
  declare name: string;
  /** The setting's value as JSON. */
  declare value: string;
}

export function initSettingModels(sequelize: Sequelize): void {
  AppSetting.init(
    {
      name: { type: DataTypes.STRING(64), primaryKey: true },
      value: { type: DataTypes.TEXT, allowNull: false },
    },
    { sequelize, tableName: 'app_settings' },
  );
}
