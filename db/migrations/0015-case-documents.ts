/** Documents uploaded to cases (db/core/document-models.ts). */
import type { QueryInterface } from 'sequelize';
import { CaseDocument } from '../core/document-models';
import { createTablesFor, dropTablesFor } from '../migration-kit';

const models = [CaseDocument];

export const up = (queryInterface: QueryInterface) => createTablesFor(queryInterface, models);
export const down = (queryInterface: QueryInterface) => dropTablesFor(queryInterface, models);
