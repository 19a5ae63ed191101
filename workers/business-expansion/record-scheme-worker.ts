/**
 * `business-expansion.record-scheme`: saves the supply scheme (供电方案) the designer wrote — or, for three-zero
 * cases, the defaults of DMN supply-scheme-defaults — and hands its normalised fields back to the process (the
 * fee rate decision reads them).
 */
import { SupplyScheme } from '../../db/business-expansion';
import type { WorkerDefinition } from '../worker-definition';
import { applicationOf, runJob, textVariable } from './case-job';

const DETAIL_VARIABLES = ['schemeNotes', 'approvalComment', 'surveyFindings', 'suggestedSupplyPoint'];

export const recordSchemeWorker: WorkerDefinition = {
  taskType: 'business-expansion.record-scheme',
  handle: (job) =>
    runJob(job, async () => {
      const application = await applicationOf(job);
      const applicationNo = application.applicationNo;
      const fields = {
        applicationNo,
        supplyVoltage: textVariable(job, 'supplyVoltage', application.voltage),
        capacityKva: application.capacityKva,
        meteringMethod: textVariable(job, 'meteringMethod', '低压直接计量'),
        billingMethod: textVariable(job, 'billingMethod', 'single-part'),
        lineType: textVariable(job, 'lineType', 'overhead'),
        externalWorksBuiltBy: textVariable(job, 'externalWorksBuiltBy', 'supplier'),
        supplyPoint: textVariable(job, 'supplyPoint', '') || null,
        details: {
          circuitsInterconnected: job.variables.circuitsInterconnected !== false,
          ...Object.fromEntries(
            DETAIL_VARIABLES.filter((name) => name in job.variables).map((n) => [n, job.variables[n]]),
          ),
        },
      };
      const existing = await SupplyScheme.findOne({ where: { applicationNo } });
      if (existing) await existing.update(fields);
      else await SupplyScheme.create(fields);
      const { supplyVoltage, meteringMethod, billingMethod, lineType, externalWorksBuiltBy } = fields;
      return job.complete({
        supplyVoltage,
        meteringMethod,
        billingMethod,
        lineType,
        externalWorksBuiltBy,
        circuitsInterconnected: fields.details.circuitsInterconnected,
      });
    }),
};
