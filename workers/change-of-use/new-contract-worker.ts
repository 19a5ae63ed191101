/**
 * `change-of-use.new-contract`: a contract per account the change leaves in use, signed on the day the form gives
 * (contractSignedOn, else today). Answers their numbers.
 */
import { makeContracts } from '../../domain/change-of-use';
import type { WorkerDefinition } from '../worker-definition';
import { dayOf, requireBusinessKey, runJob } from './change-job';

export const newContractWorker: WorkerDefinition = {
  taskType: 'change-of-use.new-contract',
  handle: (job) =>
    runJob(job, async () => job.complete(await makeContracts(requireBusinessKey(job), dayOf(job, 'contractSignedOn')))),
};
