/** Saved views of the tasklist (db/core/saved-view-models.ts). */
import type { QueryInterface } from 'sequelize';
import { SavedView } from '../core/saved-view-models';
import { createTablesFor, dropTablesFor } from '../migration-kit';

const models = [SavedView];

export const up = (queryInterface: QueryInterface) => createTablesFor(queryInterface, models);
export const down = (queryInterface: QueryInterface) => dropTablesFor(queryInterface, models);
