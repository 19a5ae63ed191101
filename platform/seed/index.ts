/**
 * Seeds. Reference data (roles, groups, the business calendar, parameters with their sources) is brought in
 * step at every start; demo data (users, customers, cases in different states, in Chinese) only into an empty
 * database and only when asked. A business area appends its seeds to these lists.
 */
import type { PlatformServices } from '../platform-services';
import { seedBusinessExpansionDemo } from './business-expansion-demo';
import { seedRolesAndGroups } from './roles-and-groups';
import { seedDemoUsers } from './demo-users';
import { seedCalendarDays } from './calendar-days';
import { seedWorkOrderReference } from './work-orders-reference';
import { seedWorkOrderDemo, seedWorkOrderDemoUsers } from './work-orders-demo';
import { seedChangeOfUseDemo } from './change-of-use-demo';
import { seedBillingReference } from './billing-reference';
import { seedBillingDemoUsers } from './billing-demo';

export type Seed = (services: PlatformServices) => Promise<void>;

export const referenceSeeds: Seed[] = [
  seedRolesAndGroups,
  seedCalendarDays,
  seedWorkOrderReference,
  seedBillingReference,
];

export const demoSeeds: Seed[] = [
  seedDemoUsers,
  seedWorkOrderDemo,
  seedChangeOfUseDemo,
  seedBusinessExpansionDemo,
  seedBillingDemoUsers,
];

/**
 * The demo users alone: what an API-only process (APP_ROLE=api) seeds, since the demo cases walk their processes and
 * need the workers in the same process (decision 0058).
 */
export const demoUserSeeds: Seed[] = [seedDemoUsers, seedWorkOrderDemoUsers, seedBillingDemoUsers];
