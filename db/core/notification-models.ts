/**
 * Notifications (time-limit warnings, fee notices, customer messages): kept here first, then handed to the
 * configured adapter (domain/notifications, lib/notify); the row records whether and when that succeeded.
 */
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export class Notification extends Model<InferAttributes<Notification>, InferCreationAttributes<Notification>> {
  declare id: CreationOptional<number>;
  /** Makes a redelivered job's notification a no-op (e.g. `warn:<elementInstanceKey>`). */
  declare dedupKey: string;
  /** warning | overdue | fee-notice | customer | supervision | ... */
  declare kind: string;
  /** A role code, a user login or a customer phone number, per `recipientType`. */
  declare recipientType: string;
  declare recipient: string;
  declare title: string;
  declare body: string;
  /** The case it belongs to: an application number or a work-order number. */
  declare businessKey: string | null;
  declare status: CreationOptional<string>;
  declare sentAt: Date | null;
}

export function initNotificationModels(sequelize: Sequelize): void {
  Notification.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      dedupKey: { type: DataTypes.STRING(128), allowNull: false, unique: true },
      kind: { type: DataTypes.STRING(32), allowNull: false },
      recipientType: { type: DataTypes.STRING(16), allowNull: false },
      recipient: { type: DataTypes.STRING(64), allowNull: false },
      title: { type: DataTypes.STRING(255), allowNull: false },
      body: { type: DataTypes.TEXT, allowNull: false },
      businessKey: { type: DataTypes.STRING(64), allowNull: true },
      status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'pending' },
      sentAt: { type: DataTypes.DATE, allowNull: true },
    },
    { sequelize, tableName: 'notifications', indexes: [{ fields: ['business_key'] }] },
  );
}
