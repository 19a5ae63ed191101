/**
 * `business-expansion.contract` (header action = draft | sign): drafts the supply contract, or signs it (drafting
 * first when needed) on the day the clerk entered (`contractSignedAt`), keeping who signed for the customer. Answers the contract's number.
 */
import { contractFor, recordStep } from '../../domain/business-expansion';
import type { WorkerDefinition } from '../worker-definition';
import { ModelError, requireBusinessKey, requireHeader, runJob } from './case-job';

export const contractWorker: WorkerDefinition = {
  taskType: 'business-expansion.contract',
  handle: (job) =>
    runJob(job, async () => {
      const action = requireHeader(job, 'action');
      if (action !== 'draft' && action !== 'sign')
        throw new ModelError(`任务头 action 应为 draft 或 sign / bad header action: ${action}`);
      const applicationNo = requireBusinessKey(job);
      const contract = await contractFor(applicationNo, action, job.variables.contractSignedAt);
      if (action === 'sign' && job.variables.contractSignatory !== undefined)
        await recordStep({
          applicationNo,
          step: 'sign-contract',
          occasion: job.elementInstanceKey,
          variables: job.variables,
        });
      return job.complete(contract);
    }),
};
