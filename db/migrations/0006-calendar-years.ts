/**
 * Years with a complete holiday schedule, and the history of moved due dates. The years already in calendar_days
 * were taken as entered in full before this table existed, so they are marked so (source migrated).
 */
import type { QueryInterface } from 'sequelize';
import { appClock } from '../../lib/clock/app-clock';
import { CalendarYear, DueDateChange } from '../time-limits/time-limit-models';
import { createTablesFor, dropTablesFor } from '../migration-kit';

const models = [CalendarYear, DueDateChange];

export async function up(queryInterface: QueryInterface): Promise<void> {
  await createTablesFor(queryInterface, models);
  const [years] = await queryInterface.sequelize.query('SELECT DISTINCT year FROM calendar_days');
  const rows = (years as { year: number }[]).map(({ year }) => ({
    year: Number(year),
    source: 'migrated',
    notice: '迁移前已录入 / entered before calendar years were kept',
    entered_by: null,
    created_at: appClock.now(),
    updated_at: appClock.now(),
  }));
  if (rows.length > 0) await queryInterface.bulkInsert('calendar_years', rows);
}

export const down = (queryInterface: QueryInterface) => dropTablesFor(queryInterface, models);
