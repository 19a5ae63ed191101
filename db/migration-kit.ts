/**
 * A table's first migration creates it from its model's attributes and indexes as they were when the migration
 * was written (decision 0010); later changes to a table get migrations of their own that do not read the model.
 */
import type { ModelStatic, QueryInterface, Model } from 'sequelize';

export async function createTablesFor(queryInterface: QueryInterface, models: ModelStatic<Model>[]): Promise<void> {
  for (const model of models) {
    const table = model.getTableName() as string;
    await queryInterface.createTable(table, model.getAttributes());
    for (const index of model.options.indexes ?? []) {
      await queryInterface.addIndex(table, index.fields as string[], { unique: index.unique, name: index.name });
    }
  }
}

export async function dropTablesFor(queryInterface: QueryInterface, models: ModelStatic<Model>[]): Promise<void> {
  for (const model of [...models].reverse()) await queryInterface.dropTable(model.getTableName() as string);
}
