/**
 * Time limits (时限): the business calendar's special days, the whole-case clock per case, and the warning /
 * overdue events that compliance statistics read.
 */
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/** A day that breaks the weekly rule: a holiday on a weekday or a make-up working day (调休) on a weekend. */
export class CalendarDay extends Model<InferAttributes<CalendarDay>, InferCreationAttributes<CalendarDay>> {
  declare date: string;
  /** holiday | workday */
  declare kind: string;
  declare name: string;
  declare year: number;
}

/**
 * A year whose official holiday schedule is complete in calendar_days; a year without a row here is reckoned
 * with its statutory holidays and its due dates are flagged as provisional (decision 0018).
 */
export class CalendarYear extends Model<InferAttributes<CalendarYear>, InferCreationAttributes<CalendarYear>> {
  declare year: number;
  /** package (seeded from the published schedules the platform ships) | administrator | migrated */
  declare source: string;
  /** The notice it follows, e.g. 国办发明电〔2025〕7号, or the package. */
  declare notice: string;
  declare enteredBy: string | null;
}

/**
 * A due date moved after it was set (an administrator changed the calendar): the case history's old → new, why.
 * subject task: a user task's due date (userTaskKey, step); subject case: the whole-case limit.
 */
export class DueDateChange extends Model<InferAttributes<DueDateChange>, InferCreationAttributes<DueDateChange>> {
  declare id: CreationOptional<number>;
  declare businessKey: string;
  declare subject: string;
  declare step: string;
  declare userTaskKey: string | null;
  declare oldDueAt: Date;
  declare newDueAt: Date;
  declare reason: string;
  declare changedBy: string;
  declare at: Date;
}

/** Closed pauses, stored as ISO strings. */
export interface StoredPause {
  from: string;
  to: string;
}

export class CaseTimeLimit extends Model<InferAttributes<CaseTimeLimit>, InferCreationAttributes<CaseTimeLimit>> {
  declare id: CreationOptional<number>;
  declare businessKey: string;
  declare processInstanceKey: string | null;
  declare step: string;
  declare amount: number;
  /** WD | CD | H | MIN */
  declare unit: string;
  declare startedAt: Date;
  /** The due date as computed at start (before any pause); the API recomputes it with the pauses. */
  declare dueAt: Date;
  declare pausedSince: Date | null;
  declare pauses: StoredPause[];
  declare finishedAt: Date | null;
  /** Time used, in the limit's unit, recorded at finish. */
  declare used: number | null;
  declare compliant: boolean | null;
  /** Set when the case was cancelled: the clock stopped, and the case counts in no compliance figure. */
  declare cancelledAt: CreationOptional<Date | null>;
}

export class TimeLimitEvent extends Model<InferAttributes<TimeLimitEvent>, InferCreationAttributes<TimeLimitEvent>> {
  declare id: CreationOptional<number>;
  declare businessKey: string;
  declare step: string;
  /** warning | overdue | escalation */
  declare level: string;
  declare at: Date;
  /** The notify task's element instance: one event per task, however often its job is delivered. */
  declare elementInstanceKey: string;
}

export function initTimeLimitModels(sequelize: Sequelize): void {
  CalendarDay.init(
    {
      date: { type: DataTypes.DATEONLY, primaryKey: true },
      kind: { type: DataTypes.STRING(16), allowNull: false },
      name: { type: DataTypes.STRING(64), allowNull: false },
      year: { type: DataTypes.INTEGER, allowNull: false },
    },
    { sequelize, tableName: 'calendar_days', indexes: [{ fields: ['year'] }] },
  );
  CalendarYear.init(
    {
      year: { type: DataTypes.INTEGER, primaryKey: true },
      source: { type: DataTypes.STRING(16), allowNull: false },
      notice: { type: DataTypes.STRING(255), allowNull: false },
      enteredBy: { type: DataTypes.STRING(64), allowNull: true },
    },
    { sequelize, tableName: 'calendar_years' },
  );
  DueDateChange.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      businessKey: { type: DataTypes.STRING(64), allowNull: false },
      subject: { type: DataTypes.STRING(8), allowNull: false },
      step: { type: DataTypes.STRING(64), allowNull: false },
      userTaskKey: { type: DataTypes.STRING(32), allowNull: true },
      oldDueAt: { type: DataTypes.DATE(3), allowNull: false },
      newDueAt: { type: DataTypes.DATE(3), allowNull: false },
      reason: { type: DataTypes.TEXT, allowNull: false },
      changedBy: { type: DataTypes.STRING(64), allowNull: false },
      at: { type: DataTypes.DATE(3), allowNull: false },
    },
    { sequelize, tableName: 'due_date_changes', indexes: [{ fields: ['business_key'] }] },
  );
  CaseTimeLimit.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      businessKey: { type: DataTypes.STRING(64), allowNull: false, unique: true },
      processInstanceKey: { type: DataTypes.STRING(32), allowNull: true },
      step: { type: DataTypes.STRING(64), allowNull: false },
      amount: { type: DataTypes.DOUBLE, allowNull: false },
      unit: { type: DataTypes.STRING(8), allowNull: false },
      startedAt: { type: DataTypes.DATE(3), allowNull: false },
      dueAt: { type: DataTypes.DATE(3), allowNull: false },
      pausedSince: { type: DataTypes.DATE(3), allowNull: true },
      // TEXT rather than JSON: MariaDB's JSON is a LONGTEXT alias that the mysql driver hands back unparsed.
      pauses: {
        type: DataTypes.TEXT,
        allowNull: false,
        get(): StoredPause[] {
          return JSON.parse((this.getDataValue('pauses') as unknown as string) ?? '[]') as StoredPause[];
        },
        set(value: StoredPause[]) {
          this.setDataValue('pauses', JSON.stringify(value) as unknown as StoredPause[]);
        },
      },
      finishedAt: { type: DataTypes.DATE(3), allowNull: true },
      used: { type: DataTypes.DOUBLE, allowNull: true },
      compliant: { type: DataTypes.BOOLEAN, allowNull: true },
      cancelledAt: { type: DataTypes.DATE(3), allowNull: true },
    },
    { sequelize, tableName: 'case_time_limits', indexes: [{ fields: ['finished_at'] }] },
  );
  TimeLimitEvent.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      businessKey: { type: DataTypes.STRING(64), allowNull: false },
      step: { type: DataTypes.STRING(64), allowNull: false },
      level: { type: DataTypes.STRING(16), allowNull: false },
      at: { type: DataTypes.DATE(3), allowNull: false },
      elementInstanceKey: { type: DataTypes.STRING(32), allowNull: false, unique: true },
    },
    { sequelize, tableName: 'time_limit_events', indexes: [{ fields: ['business_key'] }, { fields: ['at'] }] },
  );
}
