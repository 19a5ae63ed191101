/**
 * 归档: one archive row per case with a JSON snapshot of the whole case, and the application marked archived —
 * together, in one transaction (the queries inside join it, db/transaction-context), so an archived case always has
 * its archive.
 */
import { Application, CaseArchive } from '../../db/business-expansion';
import { appClock } from '../../lib/clock/app-clock';
import { caseApplication } from './case-application-repository';
import { loadCaseRecord } from './case-record-repository';

export async function archiveCase(applicationNo: string): Promise<void> {
  const application = await caseApplication(applicationNo);
  await application.sequelize.transaction(async () => {
    await Application.update({ state: 'archived' }, { where: { applicationNo } });
    const snapshot = (await loadCaseRecord(applicationNo))!;
    await CaseArchive.findOrCreate({
      where: { applicationNo },
      defaults: { applicationNo, archivedAt: appClock.now(), snapshot },
    });
  });
}
