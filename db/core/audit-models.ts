/**
 * The audit log: who did what, to what, when and from where — sign-ins, task actions, payments, cancellations,
 * deployments and every whole view of personal data. Rows are only ever added.
 */
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export class AuditEntry extends Model<InferAttributes<AuditEntry>, InferCreationAttributes<AuditEntry>> {
  declare id: CreationOptional<number>;
  /** The login that acted (or tried to: a failed sign-in records the login given), or `system`. */
  declare actor: string;
  /** A dotted code, e.g. `auth.login`, `auth.login-failed`, `task.complete`, `payment.record`, `pii.view`. */
  declare action: string;
  /** What it was done to: `task:<key>`, `case:<number>`, `customer:<id>`, `user:<login>`… */
  declare target: string | null;
  /** The client's address as the API saw it. */
  declare address: string | null;
  /** ok | refused | failed */
  declare outcome: string;
  /** Anything else worth keeping (never a password or a whole ID number). */
  declare detail: Record<string, unknown> | null;
  declare createdAt: CreationOptional<Date>;
}

export function initAuditModels(sequelize: Sequelize): void {
  AuditEntry.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      actor: { type: DataTypes.STRING(64), allowNull: false },
      action: { type: DataTypes.STRING(64), allowNull: false },
      target: { type: DataTypes.STRING(128), allowNull: true },
      address: { type: DataTypes.STRING(64), allowNull: true },
      outcome: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'ok' },
      detail: { type: DataTypes.JSON, allowNull: true },
      createdAt: { type: DataTypes.DATE, allowNull: false },
    },
    {
      sequelize,
      tableName: 'audit_log',
      updatedAt: false,
      indexes: [{ fields: ['actor'] }, { fields: ['action'] }, { fields: ['target'] }, { fields: ['created_at'] }],
    },
  );
}
