/** The step a case document was uploaded from (its user task's element id and name), listed with the document. */
import { DataTypes, type QueryInterface } from 'sequelize';

const COLUMNS = {
  step_id: { type: DataTypes.STRING(64), allowNull: true },
  step_name: { type: DataTypes.STRING(128), allowNull: true },
};

/** `case_documents` is created from its model as it is now, so only a database created before this lacks them. */
export async function up(queryInterface: QueryInterface): Promise<void> {
  const existing = await queryInterface.describeTable('case_documents');
  for (const [column, definition] of Object.entries(COLUMNS))
    if (!(column in existing)) await queryInterface.addColumn('case_documents', column, definition);
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  for (const column of Object.keys(COLUMNS).reverse()) await queryInterface.removeColumn('case_documents', column);
}
