/**
 * The migrations in the order they run. A new migration is appended here, never inserted before a landed one.
 */
import type { QueryInterface } from 'sequelize';
import * as core from './0001-core';

export interface Migration {
  name: string;
  up(queryInterface: QueryInterface): Promise<void>;
  down(queryInterface: QueryInterface): Promise<void>;
}

export const migrations: Migration[] = [{ name: '0001-core', ...core }];
