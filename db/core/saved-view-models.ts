/**
 * Saved views of a list (the tasklist today): a name, the list's query as the URL carries it, whose it is, and the
 * role or org group it is shared with (none: private).
 */
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export class SavedView extends Model<InferAttributes<SavedView>, InferCreationAttributes<SavedView>> {
  declare id: CreationOptional<number>;
  declare owner: string;
  declare name: string;
  /** Which list: `tasks`. */
  declare list: string;
  /** The list's URL query, e.g. `scope=group&dueState=overdue&sort=dueDate`. */
  declare query: string;
  /** A role code or an org group code whose members see the view too; null: the owner's only. */
  declare sharedWith: string | null;
}

export function initSavedViewModels(sequelize: Sequelize): void {
  SavedView.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      owner: { type: DataTypes.STRING(64), allowNull: false },
      name: { type: DataTypes.STRING(64), allowNull: false },
      list: { type: DataTypes.STRING(16), allowNull: false },
      query: { type: DataTypes.STRING(1000), allowNull: false },
      sharedWith: { type: DataTypes.STRING(64), allowNull: true },
    },
    { sequelize, tableName: 'saved_views', indexes: [{ fields: ['owner'] }, { fields: ['shared_with'] }] },
  );
}
