/**
 * The migrations in the order they run. A new migration is appended here, never inserted before a landed one.
 */
import type { QueryInterface } from 'sequelize';
import * as core from './0001-core';
import * as timeLimits from './0002-time-limits';
import * as businessExpansion from './0003-business-expansion';
import * as changeOfUse from './0004-change-of-use';
import * as workOrders from './0005-work-orders';
import * as calendarYears from './0006-calendar-years';
import * as effectiveDates from './0007-effective-dates-and-repair-times';
import * as auditLog from './0008-audit-log';
import * as orgUnitScope from './0011-org-unit-scope';

export interface Migration {
  name: string;
  up(queryInterface: QueryInterface): Promise<void>;
  down(queryInterface: QueryInterface): Promise<void>;
}

export const migrations: Migration[] = [
  { name: '0001-core', ...core },
  { name: '0002-time-limits', ...timeLimits },
  { name: '0003-business-expansion', ...businessExpansion },
  { name: '0004-change-of-use', ...changeOfUse },
  { name: '0005-work-orders', ...workOrders },
  { name: '0006-calendar-years', ...calendarYears },
  { name: '0007-effective-dates-and-repair-times', ...effectiveDates },
  { name: '0008-audit-log', ...auditLog },
  { name: '0011-org-unit-scope', ...orgUnitScope },
];
