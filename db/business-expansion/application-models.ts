/**
 * 业扩报装 applications (new connection 新装, capacity increase 增容), the documents handed in with them and the
 * supply scheme (供电方案) the scheme designer replies with. The application number is the case's businessKey.
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

/**
 * Where a case stands. The waiting-* states are the customer's turn (the whole-case clock is paused): documents to
 * supplement, fees to pay, their own works to build, defects a failed completion inspection found to rectify, a
 * design that design review sent back.
 */
export const APPLICATION_STATES = [
  'submitted',
  'in-progress',
  'waiting-documents',
  'waiting-payment',
  'waiting-construction',
  'waiting-rectification',
  'waiting-design',
  'archived',
  'cancelled',
] as const;

export class Application extends Model<InferAttributes<Application>, InferCreationAttributes<Application>> {
  declare id: CreationOptional<number>;
  declare applicationNo: string;
  declare customerId: number;
  /** new | increase */
  declare businessType: string;
  /** The account whose capacity grows (increase) or that energization created (new). */
  declare accountId: number | null;
  declare address: string;
  /** Requested supply voltage, e.g. '220V', '380V', '10kV'. */
  declare voltage: string;
  /** Requested (new) or additional (increase) capacity. */
  declare capacityKva: number;
  declare category: string;
  declare dualSource: boolean;
  /** Province code ('SH', 'BJ', ...): decides the three-zero cut-off. */
  declare province: string;
  /** lv-residential | lv-non-residential | three-zero | hv-single | hv-dual, once the process classified it. */
  declare customerClass: string | null;
  /** One of APPLICATION_STATES. */
  declare state: CreationOptional<string>;
  declare processInstanceKey: string | null;
  /** The case that asked for this application (e.g. a change-of-use number): one application per such case. */
  declare sourceReference: CreationOptional<string | null>;
  declare submittedBy: string;
  declare submittedAt: Date;
  /** Set once the supply is on (account created or capacity raised): energization is done at most once. */
  declare energizedAt: CreationOptional<Date | null>;
  /** The organisation unit the case belongs to (decision 0025): who may see it. */
  declare unitCode: CreationOptional<string | null>;
}

export class ApplicationDocument extends Model<
  InferAttributes<ApplicationDocument>,
  InferCreationAttributes<ApplicationDocument>
> {
  declare id: CreationOptional<number>;
  declare applicationId: number;
  /** A document kind code, see domain/business-expansion/required-documents.ts. */
  declare kind: string;
  declare name: string;
  /** Handed in later than the application: documents the survey asked for (资料补正), a revised design. */
  declare supplemented: CreationOptional<boolean>;
}

export class SupplyScheme extends Model<InferAttributes<SupplyScheme>, InferCreationAttributes<SupplyScheme>> {
  declare id: CreationOptional<number>;
  declare applicationNo: string;
  declare supplyVoltage: string;
  declare capacityKva: number;
  /** e.g. 'low-voltage direct', 'high-supply high-metering' (高供高计). */
  declare meteringMethod: string;
  /** single-part | two-part | customer-choice */
  declare billingMethod: string;
  /** overhead | cable */
  declare lineType: string;
  /** supplier | customer: who builds the external works. */
  declare externalWorksBuiltBy: string;
  declare supplyPoint: string | null;
  /** Everything else the designer wrote (boundary point, notes, approval comments). */
  declare details: CreationOptional<Record<string, unknown>>;
}

export function initApplicationModels(sequelize: Sequelize): void {
  Application.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      applicationNo: { type: DataTypes.STRING(32), allowNull: false, unique: true },
      customerId: { type: DataTypes.INTEGER, allowNull: false },
      businessType: { type: DataTypes.STRING(16), allowNull: false },
      accountId: { type: DataTypes.INTEGER, allowNull: true },
      address: { type: DataTypes.STRING(255), allowNull: false },
      voltage: { type: DataTypes.STRING(16), allowNull: false },
      capacityKva: kvaColumn('capacityKva'),
      category: { type: DataTypes.STRING(32), allowNull: false },
      dualSource: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      province: { type: DataTypes.STRING(8), allowNull: false },
      customerClass: { type: DataTypes.STRING(32), allowNull: true },
      state: { type: DataTypes.STRING(32), allowNull: false, defaultValue: 'submitted' },
      processInstanceKey: { type: DataTypes.STRING(32), allowNull: true },
      sourceReference: { type: DataTypes.STRING(64), allowNull: true, defaultValue: null },
      submittedBy: { type: DataTypes.STRING(64), allowNull: false },
      submittedAt: { type: DataTypes.DATE, allowNull: false },
      energizedAt: { type: DataTypes.DATE, allowNull: true },
      unitCode: { type: DataTypes.STRING(64), allowNull: true },
    },
    {
      sequelize,
      tableName: 'be_applications',
      indexes: [{ fields: ['customer_id'] }, { fields: ['state'] }, { fields: ['source_reference'], unique: true }],
    },
  );
  ApplicationDocument.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      applicationId: { type: DataTypes.INTEGER, allowNull: false },
      kind: { type: DataTypes.STRING(48), allowNull: false },
      name: { type: DataTypes.STRING(255), allowNull: false },
      supplemented: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    },
    { sequelize, tableName: 'be_application_documents', indexes: [{ fields: ['application_id'] }] },
  );
  SupplyScheme.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      applicationNo: { type: DataTypes.STRING(32), allowNull: false, unique: true },
      supplyVoltage: { type: DataTypes.STRING(16), allowNull: false },
      capacityKva: kvaColumn('capacityKva'),
      meteringMethod: { type: DataTypes.STRING(64), allowNull: false },
      billingMethod: { type: DataTypes.STRING(32), allowNull: false },
      lineType: { type: DataTypes.STRING(16), allowNull: false },
      externalWorksBuiltBy: { type: DataTypes.STRING(16), allowNull: false },
      supplyPoint: { type: DataTypes.STRING(128), allowNull: true },
      details: { type: DataTypes.JSON, allowNull: false, defaultValue: {} },
    },
    { sequelize, tableName: 'be_supply_schemes' },
  );
}
