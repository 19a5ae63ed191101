/**
 * `change-of-use.expiry-reminder`: the timer of a temporary swap, removal or supply has run out. Tells the customer
 * and the crew; a removal past its months now needs a new connection (docs/business-rules.md §2 暂拆).
 */
import { notify } from '../../lib/notify';
import type { WorkerDefinition } from '../worker-definition';
import { applicationOf, routeOf, runJob } from './change-job';
import { noticeToCustomer } from './customer-notice';

const WHAT_NOW: Record<string, string> = {
  'temporary-swap': '暂换期满，请换回原变压器 / the temporary swap has ended: restore the original transformer',
  'temporary-removal':
    '暂拆已满期限，容量不再保留，恢复用电须按新装办理 / the removal has run out: restoring supply now needs a new connection',
  'temporary-supply': '临时用电期满，请拆除或办理延期 / the temporary supply has ended: remove it or extend it',
};

export const expiryReminderWorker: WorkerDefinition = {
  taskType: 'change-of-use.expiry-reminder',
  handle: (job, context) =>
    runJob(job, async () => {
      const application = await applicationOf(job);
      const whatNow = WHAT_NOW[application.changeType] ?? '变更期限已满 / the change has run out';
      const title = `【到期提醒】变更用电 ${application.applicationNo}`;
      await noticeToCustomer(context, application, { kind: 'expiry', title, body: whatNow });
      await notify(
        {
          dedupKey: `change-of-use:expiry-crew:${application.applicationNo}`,
          kind: 'expiry',
          recipientType: 'role',
          recipient: routeOf(job).siteGroup,
          title,
          body: whatNow,
          businessKey: application.applicationNo,
        },
        { config: context.config },
      );
      return job.complete({ expiryNote: whatNow });
    }),
};
