/**
 * What analysts change: one server-side draft per model resource (a file under bpmn/, e.g.
 * `business-expansion/high-reliability-fee.dmn`) with a revision number that every save must name, and every
 * deployed version of a resource with who deployed it, when and why.
 */
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export class ModelDraft extends Model<InferAttributes<ModelDraft>, InferCreationAttributes<ModelDraft>> {
  declare id: CreationOptional<number>;
  /** The resource's path under bpmn/: `<area>/<file>`. */
  declare resource: string;
  declare content: string;
  /** Goes up by one at every save; a save naming an older revision is refused (409). */
  declare revision: number;
  /** The deployed version the draft started from (null: a resource not deployed yet). */
  declare baseVersion: number | null;
  declare savedBy: string;
  declare savedAt: Date;
  /** The last analyst who opened the draft and when (who else has it open: ModelDraftOpener). */
  declare openedBy: string | null;
  declare openedAt: Date | null;
}

/**
 * When each analyst last opened a resource's draft: an analyst opening it is told of another who opened it lately,
 * however often either of them opens it again (decision 0049).
 */
export class ModelDraftOpener extends Model<
  InferAttributes<ModelDraftOpener>,
  InferCreationAttributes<ModelDraftOpener>
> {
  declare id: CreationOptional<number>;
  declare resource: string;
  declare login: string;
  declare openedAt: Date;
}

export class ModelVersion extends Model<InferAttributes<ModelVersion>, InferCreationAttributes<ModelVersion>> {
  declare id: CreationOptional<number>;
  declare resource: string;
  /** The engine's version of the process, decision or form the resource defines. */
  declare version: number;
  /** The engine's key of that definition (process definition, decision requirements or form key). */
  declare definitionKey: string;
  declare deploymentKey: string;
  declare content: string;
  /** `file` (bpmn/ deployed at start) or `analyst` (deployed from the modeler). */
  declare source: string;
  declare deployedBy: string;
  declare deployedAt: Date;
  declare comment: string;
}

export function initModelingModels(sequelize: Sequelize): void {
  // Up to 16 MB on MariaDB (TEXT stops at 64 KB; the bigger processes are past 100 KB); SQLite's TEXT has no limit.
  const longText = () => (sequelize.getDialect() === 'sqlite' ? DataTypes.TEXT : DataTypes.TEXT('medium'));
  ModelDraft.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      resource: { type: DataTypes.STRING(160), allowNull: false },
      content: { type: longText(), allowNull: false },
      revision: { type: DataTypes.INTEGER, allowNull: false },
      baseVersion: { type: DataTypes.INTEGER, allowNull: true },
      savedBy: { type: DataTypes.STRING(64), allowNull: false },
      savedAt: { type: DataTypes.DATE(3), allowNull: false },
      openedBy: { type: DataTypes.STRING(64), allowNull: true },
      openedAt: { type: DataTypes.DATE(3), allowNull: true },
    },
    { sequelize, tableName: 'model_drafts', indexes: [{ fields: ['resource'], unique: true }] },
  );
  ModelDraftOpener.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      resource: { type: DataTypes.STRING(160), allowNull: false },
      login: { type: DataTypes.STRING(64), allowNull: false },
      openedAt: { type: DataTypes.DATE(3), allowNull: false },
    },
    {
      sequelize,
      tableName: 'model_draft_openers',
      indexes: [{ fields: ['resource', 'login'], unique: true }],
    },
  );
  ModelVersion.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      resource: { type: DataTypes.STRING(160), allowNull: false },
      version: { type: DataTypes.INTEGER, allowNull: false },
      definitionKey: { type: DataTypes.STRING(32), allowNull: false },
      deploymentKey: { type: DataTypes.STRING(32), allowNull: false },
      content: { type: longText(), allowNull: false },
      source: { type: DataTypes.STRING(16), allowNull: false },
      deployedBy: { type: DataTypes.STRING(64), allowNull: false },
      deployedAt: { type: DataTypes.DATE(3), allowNull: false },
      comment: { type: DataTypes.STRING(500), allowNull: false },
    },
    {
      sequelize,
      tableName: 'model_versions',
      indexes: [{ fields: ['resource', 'version'], unique: true }],
    },
  );
}
