/** Reading change applications by their number (the case's businessKey). */
import { ChangeApplication } from '../../db/change-of-use/change-of-use-models';
import { ModelError } from '../../lib/errors/model-error';

export async function findApplication(applicationNo: string): Promise<ChangeApplication | null> {
  return ChangeApplication.findOne({ where: { applicationNo } });
}

/** The application a process step works on: its process carries the number, so a missing row is a model error. */
export async function caseApplication(applicationNo: string): Promise<ChangeApplication> {
  const application = await findApplication(applicationNo);
  if (!application) throw new ModelError(`变更申请不存在 / no change application ${applicationNo}`);
  return application;
}
