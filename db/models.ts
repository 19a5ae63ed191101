/**
 * Every area's models, initialised on one Sequelize instance. An area adds its `init…Models` here.
 */
import type { Sequelize } from 'sequelize';
import { initCustomerModels } from './core/customer-models';
import { initNotificationModels } from './core/notification-models';
import { initSequenceModels } from './core/sequence-models';
import { initUserModels } from './core/user-models';

export function initModels(sequelize: Sequelize): void {
  initUserModels(sequelize);
  initCustomerModels(sequelize);
  initNotificationModels(sequelize);
  initSequenceModels(sequelize);
}
