/**
 * Idempotency keys (the `Idempotency-Key` header of a POST that creates something): the key as the client sent it,
 * whose it is, a hash of the request, what it made and, once done, the answer it got — so that a retry after a lost
 * answer, or after a crash mid-way, gets that answer again instead of a second record (decision 0024).
 */
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export class IdempotencyKey extends Model<InferAttributes<IdempotencyKey>, InferCreationAttributes<IdempotencyKey>> {
  declare id: CreationOptional<number>;
  declare login: string;
  declare idempotencyKey: string;
  /** What the request was for, e.g. `POST /business-expansion/applications`. */
  declare scope: string;
  /** sha256 of the scope and the request body: the same key with another body is refused. */
  declare requestHash: string;
  /** pending (the record is saved, what follows it is not done yet) | done (the answer is stored) */
  declare state: string;
  /** The record it made: an application number, an order number, `<case>/<payment id>`. */
  declare reference: string | null;
  declare answerStatus: number | null;
  declare answer: unknown;
  /** Until when the request holding the key is taken to be working on it (machine time, not the business clock). */
  declare leaseUntil: Date;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initIdempotencyModels(sequelize: Sequelize): void {
  IdempotencyKey.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      login: { type: DataTypes.STRING(64), allowNull: false },
      idempotencyKey: { type: DataTypes.STRING(128), allowNull: false },
      scope: { type: DataTypes.STRING(128), allowNull: false },
      requestHash: { type: DataTypes.STRING(64), allowNull: false },
      state: { type: DataTypes.STRING(16), allowNull: false },
      reference: { type: DataTypes.STRING(64), allowNull: true },
      answerStatus: { type: DataTypes.INTEGER, allowNull: true },
      answer: { type: DataTypes.JSON, allowNull: true },
      leaseUntil: { type: DataTypes.DATE, allowNull: false },
      createdAt: { type: DataTypes.DATE, allowNull: false },
      updatedAt: { type: DataTypes.DATE, allowNull: false },
    },
    {
      sequelize,
      tableName: 'idempotency_keys',
      indexes: [{ name: 'idempotency_keys_login_key', fields: ['login', 'idempotency_key'], unique: true }],
    },
  );
}
