/** The 业扩报装 job workers. */
import type { WorkerDefinition } from '../worker-definition';
import { applicationNumberWorker } from './application-number-worker';
import { archiveWorker } from './archive-worker';
import { assignMeteringWorker } from './assign-metering-worker';
import { calculateFeesWorker } from './calculate-fees-worker';
import { contractWorker } from './contract-worker';
import { energizeWorker } from './energize-worker';
import { feeNoticeWorker } from './fee-notice-worker';
import { recordSchemeWorker } from './record-scheme-worker';
import { recordStepWorker } from './record-step-worker';
import { updateStateWorker } from './update-state-worker';

export const businessExpansionWorkers: WorkerDefinition[] = [
  applicationNumberWorker,
  updateStateWorker,
  recordSchemeWorker,
  recordStepWorker,
  calculateFeesWorker,
  feeNoticeWorker,
  contractWorker,
  assignMeteringWorker,
  energizeWorker,
  archiveWorker,
];
