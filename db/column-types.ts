/** Column definitions several models share. */
import { DataTypes, type Model, type ModelAttributeColumnOptions } from 'sequelize';

/**
 * A nullable DECIMAL. MySQL/MariaDB answer DECIMAL columns as strings and SQLite as numbers; the getter gives a
 * number on both, so the API answers the same whatever the database.
 */
export function decimalColumn(attribute: string, precision: number, scale: number): ModelAttributeColumnOptions {
  return {
    type: DataTypes.DECIMAL(precision, scale),
    allowNull: true,
    get(this: Model) {
      const value: unknown = this.getDataValue(attribute as never);
      return value === null || value === undefined ? null : Number(value);
    },
  };
}

/** A capacity in kVA with two decimals, required. */
export const kvaColumn = (attribute: string): ModelAttributeColumnOptions => ({
  ...decimalColumn(attribute, 12, 2),
  allowNull: false,
});
