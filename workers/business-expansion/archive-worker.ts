/**
 * `business-expansion.archive` (归档): one archive row per case with a JSON snapshot of the whole case, and the
 * application marked archived — together, in one transaction (the queries inside join it, db/transaction-context),
 * so an archived case always has its archive.
 */
import { Application, CaseArchive, loadCaseRecord } from '../../db/business-expansion';
import { appClock } from '../../lib/clock/app-clock';
import type { WorkerDefinition } from '../worker-definition';
import { applicationOf, runJob } from './case-job';

export const archiveWorker: WorkerDefinition = {
  taskType: 'business-expansion.archive',
  handle: (job) =>
    runJob(job, async () => {
      const application = await applicationOf(job);
      const applicationNo = application.applicationNo;
      await application.sequelize.transaction(async () => {
        await Application.update({ state: 'archived' }, { where: { applicationNo } });
        const snapshot = (await loadCaseRecord(applicationNo))!;
        await CaseArchive.findOrCreate({
          where: { applicationNo },
          defaults: { applicationNo, archivedAt: appClock.now(), snapshot },
        });
      });
      return job.complete();
    }),
};
