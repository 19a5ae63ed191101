/**
 * `billing.correction-recompute`: the bill recomputed from the corrected use by the rules of its own period; answers
 * the figures the approval form shows (original, recomputed and difference, in 元). Idempotent.
 */
import { figuresForForm, recomputeCorrection } from '../../domain/billing';
import type { WorkerDefinition } from '../worker-definition';
import { requireBusinessKey, runJob } from './correction-job';

export const correctionRecomputeWorker: WorkerDefinition = {
  taskType: 'billing.correction-recompute',
  variables: { outputs: ['originalYuan', 'recomputedYuan', 'differenceYuan', 'differenceFen'] },
  handle: (job) =>
    runJob(job, async () => job.complete(figuresForForm(await recomputeCorrection(requireBusinessKey(job))))),
};
