/** What the billing-cycle workers read from a job: the run (variable runId, saved when the run started). */
import { BillingRun } from '../../db/billing/run-models';
import type { WorkerJob } from '../worker-definition';
import { ModelError } from '../job-input';

export { ModelError, runJob } from '../job-input';

export async function runOf(job: WorkerJob): Promise<BillingRun> {
  const runId = Number(job.variables.runId);
  const run = Number.isSafeInteger(runId) ? await BillingRun.findByPk(runId) : null;
  if (!run) throw new ModelError(`缺少或无效的流程变量 runId / missing or unknown variable "runId" (${job.type})`);
  return run;
}
