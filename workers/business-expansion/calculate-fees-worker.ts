/**
 * `business-expansion.calculate-fees`: the case's fees from the rate DMN high-reliability-fee gave (variable
 * highReliabilityRatePerKva). Completes with feesDueFen and what is still to pay, feesOutstandingFen.
 */
import { calculateFees } from '../../domain/business-expansion';
import type { WorkerDefinition } from '../worker-definition';
import { requireBusinessKey, runJob } from './case-job';

export const calculateFeesWorker: WorkerDefinition = {
  taskType: 'business-expansion.calculate-fees',
  variables: {
    inputs: ['highReliabilityRatePerKva', 'supplyVoltage', 'lineType', 'externalWorksBuiltBy'],
    outputs: ['feesDueFen', 'feesOutstandingFen'],
  },
  handle: (job) =>
    runJob(job, async () => {
      const { variables } = job;
      const fees = await calculateFees({
        applicationNo: requireBusinessKey(job),
        highReliabilityRatePerKva: Number(variables.highReliabilityRatePerKva ?? 0),
        basis: {
          supplyVoltage: variables.supplyVoltage ?? null,
          lineType: variables.lineType ?? null,
          externalWorksBuiltBy: variables.externalWorksBuiltBy ?? null,
        },
      });
      return job.complete(fees);
    }),
};
