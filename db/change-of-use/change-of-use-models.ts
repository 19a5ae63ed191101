/**
 * 变更用电 (change of use) applications, the account changes they made (field by field, so that a resume can find
 * what a suspension or reduction changed) and the contracts they produced. The application number is the case's
 * businessKey. Payments and extensions are in customer-action-models.ts.
 */
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { initCustomerActionModels } from './customer-action-models';

export class ChangeApplication extends Model<
  InferAttributes<ChangeApplication>,
  InferCreationAttributes<ChangeApplication>
> {
  declare id: CreationOptional<number>;
  declare applicationNo: string;
  declare accountId: number;
  declare customerId: number;
  /** One of CHANGE_TYPES (domain/change-of-use/change-types.ts). */
  declare changeType: string;
  declare requestedDate: string;
  declare reason: string;
  /** What the type needs: newCapacityKva, newCategory, newCustomer, targetAccountId, newAddress, ... */
  declare details: CreationOptional<Record<string, unknown>>;
  /** The route decision's answer at acceptance (ChangeRoute): later requests (extension) ask it, not the code. */
  declare route: Record<string, unknown> | null;
  /** in-progress | completed | refused (debts) | rejected (review) | cancelled */
  declare status: CreationOptional<string>;
  /** How the case ended, in words (e.g. 欠费未结清，不予办理). */
  declare outcome: string | null;
  declare processInstanceKey: string | null;
  /** The 业扩 application this change became (relocation elsewhere, voltage change with more capacity). */
  declare newConnectionNo: string | null;
  declare feeFen: number | null;
  /**
   * The day the change took effect (decision 0019): the requested day or the site-work day, as the route says;
   * null until the process's effective-date timer has fired. Billing pro-rates from it.
   */
  declare effectiveOn: CreationOptional<string | null>;
  /** When a temporary swap, removal or supply runs out. */
  declare expiresAt: Date | null;
  declare submittedBy: string;
  declare submittedAt: Date;
  declare completedAt: Date | null;
  /** The organisation unit the case belongs to (decision 0025): who may see it. */
  declare unitCode: CreationOptional<string | null>;
}

export class AccountChange extends Model<InferAttributes<AccountChange>, InferCreationAttributes<AccountChange>> {
  declare id: CreationOptional<number>;
  declare applicationNo: string;
  declare accountId: number;
  /** change (after the site work) | restore (at expiry) */
  declare phase: string;
  declare field: string;
  declare oldValue: string | null;
  declare newValue: string | null;
  declare effectiveOn: string;
}

export class ChangeContract extends Model<InferAttributes<ChangeContract>, InferCreationAttributes<ChangeContract>> {
  declare id: CreationOptional<number>;
  declare contractNo: string;
  declare applicationNo: string;
  declare accountId: number;
  declare customerId: number;
  declare signedOn: string;
}

export function initChangeOfUseModels(sequelize: Sequelize): void {
  initCustomerActionModels(sequelize);
  ChangeApplication.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      applicationNo: { type: DataTypes.STRING(32), allowNull: false, unique: true },
      accountId: { type: DataTypes.INTEGER, allowNull: false },
      customerId: { type: DataTypes.INTEGER, allowNull: false },
      changeType: { type: DataTypes.STRING(32), allowNull: false },
      requestedDate: { type: DataTypes.DATEONLY, allowNull: false },
      reason: { type: DataTypes.STRING(500), allowNull: false },
      details: { type: DataTypes.JSON, allowNull: false, defaultValue: {} },
      route: { type: DataTypes.JSON, allowNull: true },
      status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'in-progress' },
      outcome: { type: DataTypes.STRING(255), allowNull: true },
      processInstanceKey: { type: DataTypes.STRING(32), allowNull: true },
      newConnectionNo: { type: DataTypes.STRING(32), allowNull: true },
      feeFen: { type: DataTypes.INTEGER, allowNull: true },
      effectiveOn: { type: DataTypes.DATEONLY, allowNull: true },
      expiresAt: { type: DataTypes.DATE, allowNull: true },
      submittedBy: { type: DataTypes.STRING(64), allowNull: false },
      submittedAt: { type: DataTypes.DATE, allowNull: false },
      completedAt: { type: DataTypes.DATE, allowNull: true },
      unitCode: { type: DataTypes.STRING(64), allowNull: true },
    },
    {
      sequelize,
      tableName: 'change_applications',
      indexes: [{ fields: ['account_id'] }, { fields: ['change_type', 'status'] }],
    },
  );
  AccountChange.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      applicationNo: { type: DataTypes.STRING(32), allowNull: false },
      accountId: { type: DataTypes.INTEGER, allowNull: false },
      phase: { type: DataTypes.STRING(16), allowNull: false },
      field: { type: DataTypes.STRING(32), allowNull: false },
      oldValue: { type: DataTypes.STRING(255), allowNull: true },
      newValue: { type: DataTypes.STRING(255), allowNull: true },
      effectiveOn: { type: DataTypes.DATEONLY, allowNull: false },
    },
    {
      sequelize,
      tableName: 'change_account_changes',
      // A redelivered job finds its rows already there.
      indexes: [
        { fields: ['application_no', 'account_id', 'phase', 'field'], unique: true },
        { fields: ['account_id'] },
      ],
    },
  );
  ChangeContract.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      contractNo: { type: DataTypes.STRING(32), allowNull: false, unique: true },
      applicationNo: { type: DataTypes.STRING(32), allowNull: false },
      accountId: { type: DataTypes.INTEGER, allowNull: false },
      customerId: { type: DataTypes.INTEGER, allowNull: false },
      signedOn: { type: DataTypes.DATEONLY, allowNull: false },
    },
    {
      sequelize,
      tableName: 'change_contracts',
      indexes: [{ fields: ['application_no', 'account_id'], unique: true }],
    },
  );
}
