/** The modeler's drafts and deployed versions (db/modeling/modeling-models.ts). */
import type { QueryInterface } from 'sequelize';
import { ModelDraft, ModelVersion } from '../modeling/modeling-models';
import { createTablesFor, dropTablesFor } from '../migration-kit';

const models = [ModelDraft, ModelVersion];

export const up = (queryInterface: QueryInterface) => createTablesFor(queryInterface, models);
export const down = (queryInterface: QueryInterface) => dropTablesFor(queryInterface, models);
