/** Settings that outlive a restart (db/core/setting-models.ts): the pinned clock first. */
import type { QueryInterface } from 'sequelize';
import { AppSetting } from '../core/setting-models';
import { createTablesFor, dropTablesFor } from '../migration-kit';

const models = [AppSetting];

export const up = (queryInterface: QueryInterface) => createTablesFor(queryInterface, models);
export const down = (queryInterface: QueryInterface) => dropTablesFor(queryInterface, models);
