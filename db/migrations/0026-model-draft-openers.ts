/** Who opened each model draft and when (db/modeling/modeling-models.ts, decision 0049). */
import type { QueryInterface } from 'sequelize';
import { ModelDraftOpener } from '../modeling/modeling-models';
import { createTablesFor, dropTablesFor } from '../migration-kit';

const models = [ModelDraftOpener];

export const up = (queryInterface: QueryInterface) => createTablesFor(queryInterface, models);
export const down = (queryInterface: QueryInterface) => dropTablesFor(queryInterface, models);
