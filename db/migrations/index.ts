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
import * as caseEndings from './0009-case-endings';
import * as paymentsAndIdempotency from './0010-payments-and-idempotency';
import * as orgUnitScope from './0011-org-unit-scope';
import * as signInSecurity from './0012-sign-in-security';
import * as stepRecords from './0014-step-records';
import * as caseDocuments from './0015-case-documents';
import * as savedViews from './0016-saved-views';
import * as documentSteps from './0017-document-steps';
import * as appSettings from './0021-app-settings';
import * as modelDraftsAndVersions from './0025-model-drafts-and-versions';
import * as modelDraftOpeners from './0026-model-draft-openers';
import * as billingFoundation from './0027-billing-foundation';
import * as accountTariffsAndCorrections from './0028-account-tariffs-and-corrections';
import * as readingsAndBillingRuns from './0029-readings-and-billing-runs';
import * as collection from './0030-collection';
import * as billingGaps from './0031-billing-gaps';
import * as textIndex from './0032-text-index';

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
  { name: '0009-case-endings', ...caseEndings },
  { name: '0010-payments-and-idempotency', ...paymentsAndIdempotency },
  { name: '0011-org-unit-scope', ...orgUnitScope },
  { name: '0012-sign-in-security', ...signInSecurity },
  { name: '0014-step-records', ...stepRecords },
  { name: '0015-case-documents', ...caseDocuments },
  { name: '0016-saved-views', ...savedViews },
  { name: '0017-document-steps', ...documentSteps },
  { name: '0021-app-settings', ...appSettings },
  { name: '0025-model-drafts-and-versions', ...modelDraftsAndVersions },
  { name: '0026-model-draft-openers', ...modelDraftOpeners },
  { name: '0027-billing-foundation', ...billingFoundation },
  { name: '0028-account-tariffs-and-corrections', ...accountTariffsAndCorrections },
  { name: '0029-readings-and-billing-runs', ...readingsAndBillingRuns },
  { name: '0030-collection', ...collection },
  { name: '0031-billing-gaps', ...billingGaps },
  { name: '0032-text-index', ...textIndex },
];
