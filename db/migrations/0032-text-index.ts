/**
 * The case search's text index (decision 0068): the three-character pieces of the indexed names, numbers and
 * addresses, by table (`kind`) and row. Compared by code point, trailing spaces included (MariaDB's utf8mb4_nopad_bin, SQLite's default),
 * so a piece is found only as written; the index is filled at the next start (`bringTextIndexUpToDate`).
 */
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.createTable(
    'text_index_grams',
    {
      kind: { type: DataTypes.SMALLINT, allowNull: false, primaryKey: true },
      gram: { type: DataTypes.STRING(3), allowNull: false, primaryKey: true },
      row_id: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true },
    },
    // Byte for byte and without padding: under MariaDB's PAD SPACE collations (utf8mb4_bin too) '10 ' equals '10'.
    { charset: 'utf8mb4', collate: 'utf8mb4_nopad_bin' },
  );
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.dropTable('text_index_grams');
}
