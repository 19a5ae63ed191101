/** The job workers of corrections (电费退补, bpmn/billing/corrections/bill-correction.bpmn). */
import type { WorkerDefinition } from '../worker-definition';
import { correctionApplyWorker } from './correction-apply-worker';
import { correctionRecomputeWorker } from './correction-recompute-worker';
import { correctionRejectWorker } from './correction-reject-worker';

export const correctionWorkers: WorkerDefinition[] = [
  correctionRecomputeWorker,
  correctionApplyWorker,
  correctionRejectWorker,
];
