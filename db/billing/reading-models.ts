/**
 * Meter reading (抄表): reading sections (抄表段) and the accounts in each, the registers a meter is read on, the
 * readings of each period with where they came from, and the files imported from the data-collection system (采集).
 */
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/** What a meter register measures: active energy by time-of-use period, reactive energy, maximum demand. */
export const REGISTERS = ['total', 'peak', 'flat', 'valley', 'critical-peak', 'reactive', 'max-demand'] as const;
export type Register = (typeof REGISTERS)[number];

export const READING_SOURCES = ['import', 'manual', 'estimated'] as const;
export type ReadingSource = (typeof READING_SOURCES)[number];

export class ReadingSection extends Model<InferAttributes<ReadingSection>, InferCreationAttributes<ReadingSection>> {
  declare id: CreationOptional<number>;
  /** e.g. 'PD-0107' */
  declare code: string;
  declare name: string;
  /** The organisation unit that reads and bills the section. */
  declare unitCode: string;
  /** Day of the month the section is read (1–28). */
  declare readingDay: number;
}

export class SectionAccount extends Model<InferAttributes<SectionAccount>, InferCreationAttributes<SectionAccount>> {
  declare id: CreationOptional<number>;
  declare sectionId: number;
  /** An account is read in one section. */
  declare accountId: number;
}

export class MeterRegister extends Model<InferAttributes<MeterRegister>, InferCreationAttributes<MeterRegister>> {
  declare id: CreationOptional<number>;
  declare meterId: number;
  declare register: Register;
  /** The metering multiplier (CT × PT ratio, 倍率): use = difference of readings × multiplier. */
  declare multiplier: CreationOptional<number>;
}

export class MeterReading extends Model<InferAttributes<MeterReading>, InferCreationAttributes<MeterReading>> {
  declare id: CreationOptional<number>;
  declare accountId: number;
  declare meterId: number;
  declare register: Register;
  /** The billing month the reading closes, 'YYYY-MM'. */
  declare period: string;
  /** The register's value (cumulative; the month's maximum for max-demand). */
  declare value: number;
  declare readAt: Date;
  declare source: ReadingSource;
  /** Login of who entered or imported it ('system' for estimates made by a rule). */
  declare recordedBy: string;
  declare recordedAt: CreationOptional<Date>;
  /** The import the value came from, when it came from a file. */
  declare importId: CreationOptional<number | null>;
  /** Why a person entered or changed the value by hand. */
  declare reason: CreationOptional<string | null>;
}

export class ReadingImport extends Model<InferAttributes<ReadingImport>, InferCreationAttributes<ReadingImport>> {
  declare id: CreationOptional<number>;
  declare period: string;
  declare fileName: string;
  /** running | done | failed | interrupted (its process stopped before the end) */
  declare status: CreationOptional<string>;
  /** Data rows in the file (known once counted; 0 until then). */
  declare totalRows: CreationOptional<number>;
  declare rowsDone: CreationOptional<number>;
  declare rowsSaved: CreationOptional<number>;
  declare rowsBad: CreationOptional<number>;
  /** The first bad rows: line number and why (the count above has them all). */
  declare errors: CreationOptional<{ line: number; message: string }[]>;
  declare createdBy: string;
  declare createdAt: CreationOptional<Date>;
  declare finishedAt: CreationOptional<Date | null>;
}

const id = () => ({ type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true });
const count = () => ({ type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });

export function initReadingModels(sequelize: Sequelize): void {
  ReadingSection.init(
    {
      id: id(),
      code: { type: DataTypes.STRING(32), allowNull: false, unique: true },
      name: { type: DataTypes.STRING(128), allowNull: false },
      unitCode: { type: DataTypes.STRING(64), allowNull: false },
      readingDay: { type: DataTypes.INTEGER, allowNull: false },
    },
    { sequelize, tableName: 'reading_sections', timestamps: false },
  );
  SectionAccount.init(
    {
      id: id(),
      sectionId: { type: DataTypes.INTEGER, allowNull: false },
      accountId: { type: DataTypes.INTEGER, allowNull: false, unique: true },
    },
    { sequelize, tableName: 'reading_section_accounts', timestamps: false, indexes: [{ fields: ['section_id'] }] },
  );
  MeterRegister.init(
    {
      id: id(),
      meterId: { type: DataTypes.INTEGER, allowNull: false },
      register: { type: DataTypes.STRING(16), allowNull: false },
      multiplier: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
    },
    {
      sequelize,
      tableName: 'meter_registers',
      timestamps: false,
      indexes: [{ name: 'meter_registers_meter', fields: ['meter_id', 'register'], unique: true }],
    },
  );
  MeterReading.init(
    {
      id: id(),
      accountId: { type: DataTypes.INTEGER, allowNull: false },
      meterId: { type: DataTypes.INTEGER, allowNull: false },
      register: { type: DataTypes.STRING(16), allowNull: false },
      period: { type: DataTypes.STRING(7), allowNull: false },
      value: { type: DataTypes.DOUBLE, allowNull: false },
      readAt: { type: DataTypes.DATE, allowNull: false },
      source: { type: DataTypes.STRING(16), allowNull: false },
      recordedBy: { type: DataTypes.STRING(64), allowNull: false },
      recordedAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
      importId: { type: DataTypes.INTEGER, allowNull: true },
      reason: { type: DataTypes.STRING(500), allowNull: true },
    },
    {
      sequelize,
      tableName: 'meter_readings',
      timestamps: false,
      indexes: [
        // One value per register and period: a file imported twice updates, never adds.
        { name: 'meter_readings_one', fields: ['account_id', 'meter_id', 'register', 'period'], unique: true },
        { name: 'meter_readings_period', fields: ['period', 'account_id'] },
      ],
    },
  );
  ReadingImport.init(
    {
      id: id(),
      period: { type: DataTypes.STRING(7), allowNull: false },
      fileName: { type: DataTypes.STRING(255), allowNull: false },
      status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'running' },
      totalRows: count(),
      rowsDone: count(),
      rowsSaved: count(),
      rowsBad: count(),
      errors: { type: DataTypes.JSON, allowNull: false, defaultValue: [] },
      createdBy: { type: DataTypes.STRING(64), allowNull: false },
      createdAt: { type: DataTypes.DATE, allowNull: false },
      finishedAt: { type: DataTypes.DATE, allowNull: true },
    },
    { sequelize, tableName: 'reading_imports', updatedAt: false },
  );
}
