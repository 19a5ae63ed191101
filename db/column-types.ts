/** Column definitions several models share. */
import { DataTypes, type Model, type ModelAttributeColumnOptions } from 'sequelize';

/**
 * A capacity in kVA with two decimals. MySQL/MariaDB answer DECIMAL columns as strings and SQLite as numbers; the
 * getter gives a number on both, so the API answers the same whatever the database.
 */
export function kvaColumn(attribute: string): ModelAttributeColumnOptions {
  return {
    type: DataTypes.DECIMAL(12, 2),
    allowNull: false,
    get(this: Model) {
      const value: unknown = this.getDataValue(attribute as never);
      return value === null || value === undefined ? value : Number(value);
    },
  };
}
