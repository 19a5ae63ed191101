/**
 * Documents uploaded to a case (an application's papers, site photos, signed forms): what each file is and where
 * its bytes are kept (lib/storage). A case is named by its business key: a 业扩 or 变更 application number or a
 * 95598 work-order number.
 */
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export class CaseDocument extends Model<InferAttributes<CaseDocument>, InferCreationAttributes<CaseDocument>> {
  declare id: CreationOptional<number>;
  declare businessKey: string;
  /** A document kind code (domain/documents/document-kinds.ts). */
  declare kind: string;
  /** The file's name as uploaded (shown, never used as a path). */
  declare fileName: string;
  /** As detected from the content. */
  declare contentType: string;
  declare sizeBytes: number;
  declare sha256: string;
  declare storageKey: string;
  declare uploadedBy: string;
  /** The user task it was uploaded from, if any. */
  declare taskKey: string | null;
  /** That task's step: its element id in the model and its name, kept so the list needs no engine look-up. */
  declare stepId: CreationOptional<string | null>;
  declare stepName: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
}

export function initDocumentModels(sequelize: Sequelize): void {
  CaseDocument.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      businessKey: { type: DataTypes.STRING(64), allowNull: false },
      kind: { type: DataTypes.STRING(48), allowNull: false },
      fileName: { type: DataTypes.STRING(255), allowNull: false },
      contentType: { type: DataTypes.STRING(64), allowNull: false },
      sizeBytes: { type: DataTypes.INTEGER, allowNull: false },
      sha256: { type: DataTypes.STRING(64), allowNull: false },
      storageKey: { type: DataTypes.STRING(255), allowNull: false, unique: true },
      uploadedBy: { type: DataTypes.STRING(64), allowNull: false },
      taskKey: { type: DataTypes.STRING(32), allowNull: true },
      stepId: { type: DataTypes.STRING(64), allowNull: true },
      stepName: { type: DataTypes.STRING(128), allowNull: true },
      createdAt: { type: DataTypes.DATE, allowNull: false },
    },
    { sequelize, tableName: 'case_documents', updatedAt: false, indexes: [{ fields: ['business_key'] }] },
  );
}
