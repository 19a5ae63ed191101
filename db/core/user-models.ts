/**
 * Users, their roles (what they may do; role codes are the candidate groups of the BPMN user tasks) and the
 * organisational groups they belong to (supply units and crews, to which 95598 orders are dispatched).
 */
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: CreationOptional<number>;
  declare login: string;
  declare name: string;
  declare passwordHash: string;
  declare phone: string | null;
  declare active: CreationOptional<boolean>;
  declare roles: CreationOptional<string[]>;
  declare groups: CreationOptional<string[]>;
  /** Raised at sign-out, deactivation and a password change: tokens carrying an older version are refused. */
  declare tokenVersion: CreationOptional<number>;
  declare passwordChangedAt: CreationOptional<Date | null>;
}

export class Role extends Model<InferAttributes<Role>, InferCreationAttributes<Role>> {
  declare code: string;
  declare name: string;
  declare nameEn: string;
  declare permissions: string[];
}

export class Group extends Model<InferAttributes<Group>, InferCreationAttributes<Group>> {
  declare code: string;
  declare name: string;
  /** province | city | unit | crew: the levels of the 95598 dispatch chain. */
  declare level: string;
  declare parentCode: string | null;
  /** The areas (district codes) this group serves. */
  declare areas: CreationOptional<string[]>;
}

/**
 * Separation of duties as data (decision 0025): a process step the person who started the case may not do (a
 * clerk does not review or approve her own application).
 */
export class SeparatedStep extends Model<InferAttributes<SeparatedStep>, InferCreationAttributes<SeparatedStep>> {
  declare bpmnProcessId: string;
  declare elementId: string;
  /** The step's name, for people reading the table. */
  declare name: string;
}

export function initUserModels(sequelize: Sequelize): void {
  User.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      login: { type: DataTypes.STRING(64), allowNull: false, unique: true },
      name: { type: DataTypes.STRING(64), allowNull: false },
      passwordHash: { type: DataTypes.STRING(255), allowNull: false },
      phone: { type: DataTypes.STRING(32), allowNull: true },
      active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      roles: { type: DataTypes.JSON, allowNull: false, defaultValue: [] },
      groups: { type: DataTypes.JSON, allowNull: false, defaultValue: [] },
      tokenVersion: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      passwordChangedAt: { type: DataTypes.DATE, allowNull: true },
    },
    { sequelize, tableName: 'users' },
  );
  Role.init(
    {
      code: { type: DataTypes.STRING(64), primaryKey: true },
      name: { type: DataTypes.STRING(64), allowNull: false },
      nameEn: { type: DataTypes.STRING(64), allowNull: false },
      permissions: { type: DataTypes.JSON, allowNull: false },
    },
    { sequelize, tableName: 'roles' },
  );
  Group.init(
    {
      code: { type: DataTypes.STRING(64), primaryKey: true },
      name: { type: DataTypes.STRING(128), allowNull: false },
      level: { type: DataTypes.STRING(16), allowNull: false },
      parentCode: { type: DataTypes.STRING(64), allowNull: true },
      areas: { type: DataTypes.JSON, allowNull: false, defaultValue: [] },
    },
    { sequelize, tableName: 'org_groups' },
  );
  SeparatedStep.init(
    {
      bpmnProcessId: { type: DataTypes.STRING(128), primaryKey: true },
      elementId: { type: DataTypes.STRING(128), primaryKey: true },
      name: { type: DataTypes.STRING(128), allowNull: false },
    },
    { sequelize, tableName: 'separated_steps' },
  );
}
