/** What the billing-cycle workers read from a job: the run (variable runId, saved when the run started). */
import { runById } from '../../domain/billing';
import type { WorkerJob } from '../worker-definition';

export { ModelError, runJob } from '../job-input';

export const runOf = (job: WorkerJob) => runById(job.variables.runId);
