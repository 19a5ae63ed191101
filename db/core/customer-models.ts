/**
 * Customers (persons and companies), their electricity accounts (用电户) and bills; shared by every business area.
 */
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { kvaColumn } from '../column-types';

export class Customer extends Model<InferAttributes<Customer>, InferCreationAttributes<Customer>> {
  declare id: CreationOptional<number>;
  declare customerNo: string;
  /** person | company */
  declare kind: string;
  declare name: string;
  /** Resident ID number for persons, unified social credit code for companies. */
  declare idNumber: string;
  declare phone: string;
  declare address: string;
  /** District code, e.g. 'SH-PD' (Shanghai Pudong); decides the serving unit. */
  declare area: string;
  /** urban | rural | remote: decides 95598 repair limits. */
  declare areaType: CreationOptional<string>;
  declare important: CreationOptional<boolean>;
  /** The organisation unit the customer belongs to (decision 0025): who may see it. */
  declare unitCode: CreationOptional<string | null>;
}

export class Account extends Model<InferAttributes<Account>, InferCreationAttributes<Account>> {
  declare id: CreationOptional<number>;
  declare accountNo: string;
  declare customerId: number;
  declare address: string;
  /** Supply voltage, e.g. '220V', '380V', '10kV'. */
  declare voltage: string;
  declare capacityKva: number;
  /** residential | commercial | industrial | agricultural */
  declare category: string;
  /** active | suspended | reduced | removed | closed | pending */
  declare status: CreationOptional<string>;
  declare supplyPoint: string | null;
  /** The day the basic charge stops (sealing for suspension/reduction) and restarts (unsealing), when set. */
  declare basicChargeStoppedOn: string | null;
  declare basicChargeRestartsOn: string | null;
}

export class Bill extends Model<InferAttributes<Bill>, InferCreationAttributes<Bill>> {
  declare id: CreationOptional<number>;
  declare accountId: number;
  /** Billing month, 'YYYY-MM'. */
  declare period: string;
  /** Amounts in fen (分) to keep money exact. */
  declare amountFen: number;
  declare dueDate: string;
  declare paidAt: Date | null;
  /** draft (computed, not yet issued) | issued (发行: owed by the customer) | void; bills from before billing: issued. */
  declare status: CreationOptional<string>;
  /** The billing run (db/billing) that computed the bill; null for bills entered otherwise. */
  declare runId: CreationOptional<number | null>;
  declare issuedOn: CreationOptional<string | null>;
}

export function initCustomerModels(sequelize: Sequelize): void {
  Customer.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      customerNo: { type: DataTypes.STRING(32), allowNull: false, unique: true },
      kind: { type: DataTypes.STRING(16), allowNull: false },
      name: { type: DataTypes.STRING(128), allowNull: false },
      idNumber: { type: DataTypes.STRING(32), allowNull: false },
      phone: { type: DataTypes.STRING(32), allowNull: false },
      address: { type: DataTypes.STRING(255), allowNull: false },
      area: { type: DataTypes.STRING(32), allowNull: false },
      areaType: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'urban' },
      important: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      unitCode: { type: DataTypes.STRING(64), allowNull: true },
    },
    { sequelize, tableName: 'customers', indexes: [{ fields: ['id_number'] }, { fields: ['phone'] }] },
  );
  Account.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      accountNo: { type: DataTypes.STRING(32), allowNull: false, unique: true },
      customerId: { type: DataTypes.INTEGER, allowNull: false },
      address: { type: DataTypes.STRING(255), allowNull: false },
      voltage: { type: DataTypes.STRING(16), allowNull: false },
      capacityKva: kvaColumn('capacityKva'),
      category: { type: DataTypes.STRING(32), allowNull: false },
      status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'active' },
      supplyPoint: { type: DataTypes.STRING(128), allowNull: true },
      basicChargeStoppedOn: { type: DataTypes.DATEONLY, allowNull: true },
      basicChargeRestartsOn: { type: DataTypes.DATEONLY, allowNull: true },
    },
    { sequelize, tableName: 'accounts', indexes: [{ fields: ['customer_id'] }] },
  );
  Bill.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      accountId: { type: DataTypes.INTEGER, allowNull: false },
      period: { type: DataTypes.STRING(7), allowNull: false },
      amountFen: { type: DataTypes.INTEGER, allowNull: false },
      dueDate: { type: DataTypes.DATEONLY, allowNull: false },
      paidAt: { type: DataTypes.DATE, allowNull: true },
      status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'issued' },
      runId: { type: DataTypes.INTEGER, allowNull: true },
      issuedOn: { type: DataTypes.DATEONLY, allowNull: true },
    },
    { sequelize, tableName: 'bills', indexes: [{ fields: ['account_id', 'period'], unique: true }] },
  );
}
