/**
 * `business-expansion.record-scheme`: saves the supply scheme from the designer's form (or the DMN defaults of a
 * three-zero case), replies it to the customer and hands its normalised fields back to the process.
 */
import { recordScheme } from '../../domain/business-expansion';
import type { WorkerDefinition, WorkerJob } from '../worker-definition';
import { requireBusinessKey, runJob, textVariable } from './case-job';

const NOTE_VARIABLES = ['schemeNotes', 'approvalComment', 'surveyFindings', 'suggestedSupplyPoint'];

const textOrNull = (job: WorkerJob, name: string): string | null => textVariable(job, name, '') || null;

export const recordSchemeWorker: WorkerDefinition = {
  taskType: 'business-expansion.record-scheme',
  handle: (job, context) =>
    runJob(job, async () => {
      const scheme = await recordScheme(context, {
        applicationNo: requireBusinessKey(job),
        supplyVoltage: textOrNull(job, 'supplyVoltage'),
        meteringMethod: textOrNull(job, 'meteringMethod'),
        billingMethod: textOrNull(job, 'billingMethod'),
        lineType: textOrNull(job, 'lineType'),
        externalWorksBuiltBy: textOrNull(job, 'externalWorksBuiltBy'),
        supplyPoint: textOrNull(job, 'supplyPoint'),
        circuitsInterconnected: job.variables.circuitsInterconnected !== false,
        notes: Object.fromEntries(
          NOTE_VARIABLES.filter((name) => name in job.variables).map((name) => [name, job.variables[name]]),
        ),
        occasion: job.elementInstanceKey,
      });
      return job.complete(scheme);
    }),
};
