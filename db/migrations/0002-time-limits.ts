import type { QueryInterface } from 'sequelize';
import { CalendarDay, CaseTimeLimit, TimeLimitEvent } from '../time-limits/time-limit-models';
import { createTablesFor, dropTablesFor } from '../migration-kit';

const models = [CalendarDay, CaseTimeLimit, TimeLimitEvent];

export const up = (queryInterface: QueryInterface) => createTablesFor(queryInterface, models);
export const down = (queryInterface: QueryInterface) => dropTablesFor(queryInterface, models);
