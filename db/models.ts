/**
 * Every area's models, initialised on one Sequelize instance. An area adds its `init…Models` here.
 */
import type { Sequelize } from 'sequelize';
import { initBusinessExpansionModels } from './business-expansion';
import { initAuditModels } from './core/audit-models';
import { initDocumentModels } from './core/document-models';
import { initSavedViewModels } from './core/saved-view-models';
import { initCaseEndingModels } from './cases/case-ending-models';
import { initChangeOfUseModels } from './change-of-use/change-of-use-models';
import { initCustomerModels } from './core/customer-models';
import { initIdempotencyModels } from './core/idempotency-models';
import { initPaymentLedgerModels } from './core/payment-ledger-models';
import { initNotificationModels } from './core/notification-models';
import { initSequenceModels } from './core/sequence-models';
import { initSettingModels } from './core/setting-models';
import { initSignInThrottleModels } from './core/sign-in-throttle-models';
import { initUserModels } from './core/user-models';
import { initTimeLimitModels } from './time-limits/time-limit-models';
import { initWorkOrderModels } from './work-orders';
import { initModelingModels } from './modeling/modeling-models';
import { initBillingModels } from './billing/billing-models';
import { initCollectionModels } from './collection/collection-models';
import { initReadingModels } from './billing/reading-models';
import { initRunModels } from './billing/run-models';
import { initTariffModels } from './billing/tariff-models';
import { versionReferenceWrites } from './core/reference-version';
import { indexTextWrites } from './text-index/text-index';

export function initModels(sequelize: Sequelize): void {
  initUserModels(sequelize);
  initCustomerModels(sequelize);
  initNotificationModels(sequelize);
  initSequenceModels(sequelize);
  initBusinessExpansionModels(sequelize);
  initTimeLimitModels(sequelize);
  initChangeOfUseModels(sequelize);
  initWorkOrderModels(sequelize);
  initAuditModels(sequelize);
  initSignInThrottleModels(sequelize);
  initDocumentModels(sequelize);
  initSavedViewModels(sequelize);
  initCaseEndingModels(sequelize);
  initIdempotencyModels(sequelize);
  initPaymentLedgerModels(sequelize);
  initSettingModels(sequelize);
  initModelingModels(sequelize);
  initBillingModels(sequelize);
  initCollectionModels(sequelize);
  initReadingModels(sequelize);
  initRunModels(sequelize);
  initTariffModels(sequelize);
  versionReferenceWrites();
  indexTextWrites();
}
