/**
 * `change-of-use.expiry-reminder`: the timer of a temporary swap, removal or supply has run out. Tells the customer
 * and the crew (the route's siteGroup); a removal past its months now needs a new connection (docs/business-rules.md §2 暂拆).
 */
import { remindExpiry } from '../../domain/change-of-use';
import type { WorkerDefinition } from '../worker-definition';
import { requireBusinessKey, routeOf, runJob } from './change-job';

export const expiryReminderWorker: WorkerDefinition = {
  taskType: 'change-of-use.expiry-reminder',
  handle: (job, context) =>
    runJob(job, async () => {
      const input = { applicationNo: requireBusinessKey(job), siteGroup: routeOf(job).siteGroup };
      return job.complete(await remindExpiry(context, input));
    }),
};
