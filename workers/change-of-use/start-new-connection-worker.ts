/**
 * `change-of-use.start-new-connection`: hands the change over to 业扩 and records the new application's number on
 * the change case. A redelivered job gets the same application back: 业扩 keys the handover by the change number.
 */
import { Account } from '../../db/core/customer-models';
import type { WorkerDefinition } from '../worker-definition';
import { ModelError, applicationOf, runJob } from './change-job';
import { newConnectionRequest, submitNewConnection } from './new-connection-port';

export const startNewConnectionWorker: WorkerDefinition = {
  taskType: 'change-of-use.start-new-connection',
  handle: (job, context) =>
    runJob(job, async () => {
      const application = await applicationOf(job);
      if (application.newConnectionNo) return job.complete({ newConnectionNo: application.newConnectionNo });
      const account = await Account.findByPk(application.accountId);
      if (!account) throw new ModelError(`用电户不存在 / no account ${application.accountId}`);
      const request = newConnectionRequest(application, account);
      const newConnectionNo = await submitNewConnection(context, request, application.submittedBy);
      await application.update({ newConnectionNo });
      return job.complete({ newConnectionNo });
    }),
};
