/**
 * 业扩 steps whose entries matter to the business after the step: their form fields are written to the case's own
 * tables (be_step_records) by the step's worker, so the case record and the archive show them, not only the
 * engine's variables. Idempotent per occasion (the recording job's element instance).
 */
import { UniqueConstraintError } from 'sequelize';
import { StepRecord } from '../../db/business-expansion/step-record-models';
import { appClock } from '../../lib/clock/app-clock';
import { ModelError } from '../../lib/errors/model-error';
import { caseApplication } from './case-application-repository';

/** The fields of each step's form that are kept (the forms in bpmn/business-expansion/forms). */
export const RECORDED_STEP_FIELDS: Readonly<Record<string, readonly string[]>> = {
  survey: ['documentsComplete', 'missingDocuments', 'surveyFindings', 'suggestedSupplyPoint'],
  'scheme-approval': ['schemeApproved', 'approvalComment'],
  'design-review': ['designApproved', 'designReviewOpinion'],
  'mid-inspection': ['midInspectionOpinion'],
  'completion-inspection': ['inspectionPassed', 'inspectionOpinion'],
  'sign-contract': ['contractSignatory', 'contractSignedAt'],
  'install-meter': ['sealNo', 'initialReading', 'installationNotes'],
  energization: ['energizedAt', 'energizationNotes'],
};

export async function recordStep(input: {
  applicationNo: string;
  step: string;
  occasion: string;
  variables: Record<string, unknown>;
}): Promise<void> {
  const fields = RECORDED_STEP_FIELDS[input.step];
  if (!fields) throw new ModelError(`没有要登记的步骤 "${input.step}" / no recorded step ${input.step}`);
  const { applicationNo, step, occasion } = input;
  await caseApplication(applicationNo);
  const entered = Object.fromEntries(
    fields.filter((name) => input.variables[name] !== undefined).map((name) => [name, input.variables[name]]),
  );
  try {
    await StepRecord.findOrCreate({
      where: { applicationNo, step, occasion },
      defaults: { applicationNo, step, occasion, entered, recordedAt: appClock.now() },
    });
  } catch (error) {
    // A redelivered job raced the first delivery: that one wrote the row.
    if (!(error instanceof UniqueConstraintError)) throw error;
  }
}
