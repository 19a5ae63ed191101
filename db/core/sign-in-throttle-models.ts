/**
 * Failed sign-ins counted per login and per client address, and the temporary lockout they lead to. Kept in the
 * database so that a restart does not reset them (decision 0026).
 */
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export class SignInThrottle extends Model<InferAttributes<SignInThrottle>, InferCreationAttributes<SignInThrottle>> {
  /** `login` or `address`. */
  declare scope: string;
  /** The login given (known or not) or the client address. */
  declare subject: string;
  /** Failures since `windowStartedAt`. */
  declare failures: CreationOptional<number>;
  declare windowStartedAt: Date;
  declare lockedUntil: CreationOptional<Date | null>;
}

export function initSignInThrottleModels(sequelize: Sequelize): void {
  SignInThrottle.init(
    {
      scope: { type: DataTypes.STRING(16), primaryKey: true },
      subject: { type: DataTypes.STRING(128), primaryKey: true },
      failures: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      windowStartedAt: { type: DataTypes.DATE, allowNull: false },
      lockedUntil: { type: DataTypes.DATE, allowNull: true },
    },
    { sequelize, tableName: 'sign_in_throttles', timestamps: false },
  );
}
