/** The 业扩 application a process step works on, found by its number (the case's businessKey). */
import type { Transaction } from 'sequelize';
import { Application } from '../../db/business-expansion';
import { ModelError } from '../../lib/errors/model-error';

/** Inside a transaction the row is locked for the step's update. A missing application is a model error. */
export async function caseApplication(applicationNo: string, transaction?: Transaction): Promise<Application> {
  const application = await Application.findOne({
    where: { applicationNo },
    transaction,
    lock: transaction ? transaction.LOCK.UPDATE : undefined,
  });
  if (!application) throw new ModelError(`业扩申请 ${applicationNo} 不存在 / no application ${applicationNo}`);
  return application;
}
