/** What the running application holds: database, engine clients, configuration. */
import type { Sequelize } from 'sequelize';
import type { AppConfig } from '../lib/config/app-config';
import type { CamundaClients } from '../lib/camunda/camunda-client';

export interface PlatformServices {
  sequelize: Sequelize;
  camunda: CamundaClients;
  config: AppConfig;
}
