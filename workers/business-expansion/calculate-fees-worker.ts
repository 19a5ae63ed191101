/**
 * `business-expansion.calculate-fees`: the case's fees (业务费用), one row per kind. The high-reliability supply
 * fee (高可靠性供电费) is capacity × the rate the DMN high-reliability-fee gave (variable
 * highReliabilityRatePerKva, yuan per kVA; 0 for single-source customers). Completes with feesDueFen and what is
 * still to pay, feesOutstandingFen. Recomputing gives the same rows.
 */
import { Fee, feeBalance } from '../../db/business-expansion';
import type { WorkerDefinition } from '../worker-definition';
import { applicationOf, runJob } from './case-job';

export const calculateFeesWorker: WorkerDefinition = {
  taskType: 'business-expansion.calculate-fees',
  handle: (job) =>
    runJob(job, async () => {
      const application = await applicationOf(job);
      const applicationNo = application.applicationNo;
      const ratePerKva = Number(job.variables.highReliabilityRatePerKva ?? 0);
      const capacityKva = application.capacityKva;
      if (Number.isFinite(ratePerKva) && ratePerKva > 0) {
        const amountFen = Math.round(capacityKva * ratePerKva * 100);
        const basis = {
          capacityKva,
          ratePerKva,
          supplyVoltage: job.variables.supplyVoltage ?? null,
          lineType: job.variables.lineType ?? null,
          externalWorksBuiltBy: job.variables.externalWorksBuiltBy ?? null,
          decision: 'high-reliability-fee',
        };
        const [fee] = await Fee.findOrCreate({
          where: { applicationNo, kind: 'high-reliability' },
          defaults: { applicationNo, kind: 'high-reliability', name: '高可靠性供电费', amountFen, basis },
        });
        if (Number(fee.amountFen) !== amountFen) await fee.update({ amountFen, basis });
      }
      const { dueFen, paidFen } = await feeBalance(applicationNo);
      return job.complete({ feesDueFen: dueFen, feesOutstandingFen: Math.max(dueFen - paidFen, 0) });
    }),
};
