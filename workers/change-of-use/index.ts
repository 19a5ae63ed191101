/** The 变更用电 (change of use) job workers. */
import type { WorkerDefinition } from '../worker-definition';
import { applyAccountChangesWorker } from './apply-account-changes-worker';
import { archiveWorker } from './archive-worker';
import { closeOldAccountWorker } from './close-old-account-worker';
import { closeRefusedNoticeWorker } from './close-refused-notice-worker';
import { debtCheckWorker } from './debt-check-worker';
import { effectiveDateWorker } from './effective-date-worker';
import { expiryReminderWorker } from './expiry-reminder-worker';
import { feeNoticeWorker } from './fee-notice-worker';
import { newContractWorker } from './new-contract-worker';
import { startNewConnectionWorker } from './start-new-connection-worker';

export const changeOfUseWorkers: WorkerDefinition[] = [
  debtCheckWorker,
  effectiveDateWorker,
  applyAccountChangesWorker,
  feeNoticeWorker,
  newContractWorker,
  startNewConnectionWorker,
  expiryReminderWorker,
  closeOldAccountWorker,
  closeRefusedNoticeWorker,
  archiveWorker,
];
