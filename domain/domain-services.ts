/**
 * What the domain's use cases are handed by their callers (the API's routes, the job workers, the start-up): the
 * application database, the engine clients and the configuration. Both the API's and the workers' contexts are one.
 */
import type { Sequelize } from 'sequelize';
import type { CamundaClients } from '../lib/camunda/camunda-client';
import type { AppConfig } from '../lib/config/app-config';

export interface DomainServices {
  sequelize: Sequelize;
  camunda: CamundaClients;
  config: AppConfig;
}
