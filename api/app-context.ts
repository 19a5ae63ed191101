/** What every area's routes and use cases may use: the database, the engine clients and the configuration. */
import type { Sequelize } from 'sequelize';
import type { AppConfig } from '../lib/config/app-config';
import type { CamundaClients } from '../lib/camunda/camunda-client';

export interface AppContext {
  sequelize: Sequelize;
  camunda: CamundaClients;
  config: AppConfig;
  /** The secret login tokens are signed with. */
  authSecret: string;
}
