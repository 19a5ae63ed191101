import type { QueryInterface } from 'sequelize';
import { KnowledgeArticle, WorkOrder, WorkOrderEvent } from '../work-orders/work-order-models';
import { createTablesFor, dropTablesFor } from '../migration-kit';

const models = [WorkOrder, WorkOrderEvent, KnowledgeArticle];

export const up = (queryInterface: QueryInterface) => createTablesFor(queryInterface, models);
export const down = (queryInterface: QueryInterface) => dropTablesFor(queryInterface, models);
