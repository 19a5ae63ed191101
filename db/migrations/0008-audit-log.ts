/** The audit log (db/core/audit-models.ts). */
import type { QueryInterface } from 'sequelize';
import { AuditEntry } from '../core/audit-models';
import { createTablesFor, dropTablesFor } from '../migration-kit';

const models = [AuditEntry];

export const up = (queryInterface: QueryInterface) => createTablesFor(queryInterface, models);
export const down = (queryInterface: QueryInterface) => dropTablesFor(queryInterface, models);
