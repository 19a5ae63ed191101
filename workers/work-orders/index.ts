/** The 95598 work-order area's job workers (job types `work-order.*`, used by bpmn/work-orders/work-order.bpmn). */
import type { WorkerDefinition } from '../worker-definition';
import { archiveWorker } from './archive-worker';
import { knowledgeAnswerWorker } from './knowledge-answer-worker';
import { linkUrgingWorker } from './link-urging-worker';
import { recordCallbackWorker } from './record-callback-worker';
import { recordDispatchWorker } from './record-dispatch-worker';
import { recordRepairTimeWorker } from './record-repair-time-worker';
import { recordReplyWorker } from './record-reply-worker';
import { recordReviewWorker } from './record-review-worker';
import { recordSupervisionWorker, recordUrgingWorker } from './order-message-worker';

export const workOrderWorkers: WorkerDefinition[] = [
  knowledgeAnswerWorker,
  recordDispatchWorker,
  recordReplyWorker,
  recordRepairTimeWorker,
  recordReviewWorker,
  recordCallbackWorker,
  recordUrgingWorker,
  recordSupervisionWorker,
  linkUrgingWorker,
  archiveWorker,
];
