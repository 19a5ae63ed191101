/** What people entered at the 业扩 steps (db/business-expansion/step-record-models.ts). */
import type { QueryInterface } from 'sequelize';
import { StepRecord } from '../business-expansion/step-record-models';
import { createTablesFor, dropTablesFor } from '../migration-kit';

const models = [StepRecord];

export const up = (queryInterface: QueryInterface) => createTablesFor(queryInterface, models);
export const down = (queryInterface: QueryInterface) => dropTablesFor(queryInterface, models);
