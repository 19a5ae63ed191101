/**
 * 95598 work orders (工单): the order itself, its history (every dispatch level's accept or return, urgings,
 * supervision, replies, reviews, callbacks, reopenings) and the knowledge base agents answer from.
 */
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export class WorkOrder extends Model<InferAttributes<WorkOrder>, InferCreationAttributes<WorkOrder>> {
  declare id: CreationOptional<number>;
  /** GD<yyyymmdd>-<nnnn>: the process instance's businessKey. */
  declare orderNo: string;
  /** phone | web | app | wechat */
  declare channel: string;
  declare orderType: string;
  declare subType: string | null;
  /** normal | urgent | major */
  declare urgency: string;
  declare customerName: string;
  declare phone: string;
  declare area: string;
  /** urban | rural | remote: decides the repair limits. */
  declare areaType: string;
  declare address: string;
  declare content: string;
  declare accountNo: string | null;
  /** The unit serving the area (Group.areas), to which the order is finally dispatched. */
  declare handlingUnit: string;
  /** accepted | answering | answered | dispatching | handling | reviewing | callback | archived | linked | cancelled */
  declare state: CreationOptional<string>;
  /** The dispatch level the order is waiting at (national | province | city | unit), when dispatching. */
  declare currentLevel: string | null;
  declare repeatedComplaint: CreationOptional<boolean>;
  /** The earlier order of a repeated complaint, or the urged order of an urging. */
  declare relatedOrderNo: string | null;
  declare processInstanceKey: string | null;
  declare urgeCount: CreationOptional<number>;
  declare supervisionCount: CreationOptional<number>;
  declare reopenCount: CreationOptional<number>;
  declare reply: string | null;
  declare satisfaction: string | null;
  declare repliedAt: Date | null;
  /** Replied within the handling limit; null until replied. */
  declare onTime: boolean | null;
  declare archivedAt: Date | null;
  /** Minutes from acceptance to archiving (24x7), for the statistics. */
  declare handlingMinutes: number | null;
  /** Business time of acceptance (the app clock, which tests pin), not the row's technical createdAt. */
  declare acceptedAt: Date;
  /** Fault repair (decision 0019): the arrival commitment, from acceptance (work-order-time-limits). */
  declare arrivalDueAt: CreationOptional<Date | null>;
  /** When the crew took the order (its last accept at the unit level). */
  declare dispatchedAt: CreationOptional<Date | null>;
  /** Arrival on site and restoration of supply as the crew recorded them (the first visit's). */
  declare arrivedAt: CreationOptional<Date | null>;
  /** The restoration commitment, counted from the recorded arrival. */
  declare restorationDueAt: CreationOptional<Date | null>;
  declare restoredAt: CreationOptional<Date | null>;
}

export class WorkOrderEvent extends Model<InferAttributes<WorkOrderEvent>, InferCreationAttributes<WorkOrderEvent>> {
  declare id: CreationOptional<number>;
  declare orderNo: string;
  /** created | answer | dispatch-accept | dispatch-return | arrival | restoration | reply | review-pass | review-return | callback | reopen | urge | supervise | archive */
  declare kind: string;
  declare level: string | null;
  /** The user's login (or, for an urging order, its order number). */
  declare actor: string | null;
  /** The user's name at the time, for the history view. */
  declare actorName: string | null;
  declare comment: string | null;
  declare at: Date;
  /** Makes a redelivered job's record a no-op (the job key, or the message id). */
  declare dedupKey: string;
}

export class KnowledgeArticle extends Model<
  InferAttributes<KnowledgeArticle>,
  InferCreationAttributes<KnowledgeArticle>
> {
  declare id: CreationOptional<number>;
  declare title: string;
  /** e.g. 电价 | 停电 | 缴费 */
  declare category: string;
  /** Words that, found in an order's content, make this article the answer. */
  declare keywords: string[];
  declare content: string;
  declare updatedBy: string;
}

const text = (length: number, allowNull = false) => ({ type: DataTypes.STRING(length), allowNull });

export function initWorkOrderModels(sequelize: Sequelize): void {
  WorkOrder.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      orderNo: { ...text(32), unique: true },
      channel: text(16),
      orderType: text(32),
      subType: text(32, true),
      urgency: text(16),
      customerName: text(64),
      phone: text(32),
      area: text(32),
      areaType: text(16),
      address: text(255),
      content: { type: DataTypes.TEXT, allowNull: false },
      accountNo: text(32, true),
      handlingUnit: text(64),
      state: { ...text(16), defaultValue: 'dispatching' },
      currentLevel: text(16, true),
      repeatedComplaint: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      relatedOrderNo: text(32, true),
      processInstanceKey: text(32, true),
      urgeCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      supervisionCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      reopenCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      reply: { type: DataTypes.TEXT, allowNull: true },
      satisfaction: text(16, true),
      repliedAt: { type: DataTypes.DATE, allowNull: true },
      onTime: { type: DataTypes.BOOLEAN, allowNull: true },
      archivedAt: { type: DataTypes.DATE, allowNull: true },
      handlingMinutes: { type: DataTypes.INTEGER, allowNull: true },
      acceptedAt: { type: DataTypes.DATE, allowNull: false },
      arrivalDueAt: { type: DataTypes.DATE, allowNull: true },
      dispatchedAt: { type: DataTypes.DATE, allowNull: true },
      arrivedAt: { type: DataTypes.DATE, allowNull: true },
      restorationDueAt: { type: DataTypes.DATE, allowNull: true },
      restoredAt: { type: DataTypes.DATE, allowNull: true },
    },
    {
      sequelize,
      tableName: 'work_orders',
      indexes: [{ fields: ['phone'] }, { fields: ['order_type', 'state'] }, { fields: ['handling_unit'] }],
    },
  );
  WorkOrderEvent.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      orderNo: text(32),
      kind: text(32),
      level: text(16, true),
      actor: text(64, true),
      actorName: text(64, true),
      comment: { type: DataTypes.TEXT, allowNull: true },
      at: { type: DataTypes.DATE, allowNull: false },
      dedupKey: { ...text(128), unique: true },
    },
    { sequelize, tableName: 'work_order_events', indexes: [{ fields: ['order_no'] }] },
  );
  KnowledgeArticle.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      title: { ...text(128), unique: true },
      category: text(32),
      // TEXT rather than JSON: MariaDB hands JSON columns back as unparsed strings.
      keywords: {
        type: DataTypes.TEXT,
        allowNull: false,
        get(): string[] {
          return JSON.parse((this.getDataValue('keywords') as unknown as string) ?? '[]') as string[];
        },
        set(value: string[]) {
          this.setDataValue('keywords', JSON.stringify(value) as unknown as string[]);
        },
      },
      content: { type: DataTypes.TEXT, allowNull: false },
      updatedBy: text(64),
    },
    { sequelize, tableName: 'knowledge_articles' },
  );
}
