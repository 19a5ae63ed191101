/** The 业扩报装 area's tables. */
import type { Sequelize } from 'sequelize';
import { initApplicationModels } from './application-models';
import { initCaseModels } from './case-models';
import { initStepRecordModels } from './step-record-models';

export * from './application-models';
export * from './case-models';
export * from './step-record-models';

export function initBusinessExpansionModels(sequelize: Sequelize): void {
  initApplicationModels(sequelize);
  initCaseModels(sequelize);
  initStepRecordModels(sequelize);
}
export * from '../../domain/business-expansion/case-record-repository';
