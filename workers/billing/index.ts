/** The billing cycle's job workers (bpmn/billing/billing-cycle.bpmn). */
import type { WorkerDefinition } from '../worker-definition';
import { computeBillsWorker } from './compute-bills-worker';
import { flagBillsWorker } from './flag-bills-worker';
import { issueBillsWorker } from './issue-bills-worker';
import { notifyCustomersWorker } from './notify-customers-worker';
import { readingPlanWorker } from './reading-plan-worker';
import { recordAnomalyDecisionWorker } from './record-anomaly-decision-worker';
import { reviewReadingsWorker } from './review-readings-worker';
import { withdrawDraftsWorker } from './withdraw-drafts-worker';

export const billingWorkers: WorkerDefinition[] = [
  readingPlanWorker,
  reviewReadingsWorker,
  recordAnomalyDecisionWorker,
  computeBillsWorker,
  flagBillsWorker,
  withdrawDraftsWorker,
  issueBillsWorker,
  notifyCustomersWorker,
];
