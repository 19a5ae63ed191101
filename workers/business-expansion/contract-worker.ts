/**
 * `business-expansion.contract` (header action = draft | sign): drafts the supply contract from the template with
 * the scheme's fields and gives it a number (HT…); sign records the signature (drafting first when needed, as for
 * three-zero cases whose contract is signed at application). One contract per case. The signing day is the one
 * the clerk entered on the contract form (`contractSignedAt`, checked by the form: a real date, not in the
 * future); a three-zero case has no contract form and signs on the day of its application.
 */
import { UniqueConstraintError } from 'sequelize';
import { Customer } from '../../db/core/customer-models';
import { Contract, SupplyScheme, type Application } from '../../db/business-expansion';
import { chinaDayOf, isDayString } from '../../lib/calendar';
import { appClock } from '../../lib/clock/app-clock';
import { nextNumber } from '../../lib/numbering/next-number';
import type { WorkerDefinition, WorkerJob } from '../worker-definition';
import { ModelError, applicationOf, requireHeader, runJob } from './case-job';
import { BILLING_METHOD_NAMES, LINE_TYPE_NAMES, renderContract } from './contract-template';

async function draft(application: Application): Promise<Contract> {
  const applicationNo = application.applicationNo;
  const [customer, scheme] = await Promise.all([
    Customer.findByPk(application.customerId),
    SupplyScheme.findOne({ where: { applicationNo } }),
  ]);
  if (!customer || !scheme)
    throw new ModelError(`合同需要客户与供电方案 / the contract needs the customer and the scheme of ${applicationNo}`);
  const sequelize = Contract.sequelize!;
  try {
    return await sequelize.transaction(async (transaction) => {
      const contractNo = await nextNumber('HT', transaction);
      const text = renderContract({
        contractNo,
        supplyUnit: customer.area,
        customerName: customer.name,
        customerNo: customer.customerNo,
        idNumber: customer.idNumber,
        applicationNo,
        businessTypeName: application.businessType === 'increase' ? '增容' : '新装',
        address: application.address,
        category: application.category,
        supplyVoltage: scheme.supplyVoltage,
        capacityKva: Number(scheme.capacityKva),
        supplyPoint: scheme.supplyPoint ?? '以供电方案为准',
        lineType: LINE_TYPE_NAMES[scheme.lineType] ?? scheme.lineType,
        meteringMethod: scheme.meteringMethod,
        billingMethod: BILLING_METHOD_NAMES[scheme.billingMethod] ?? scheme.billingMethod,
      });
      return Contract.create({ contractNo, applicationNo, text, signedAt: null }, { transaction });
    });
  } catch (error) {
    // Two deliveries of the same job raced: the other one drafted it.
    if (error instanceof UniqueConstraintError) return (await Contract.findOne({ where: { applicationNo } }))!;
    throw error;
  }
}

function signingDay(job: WorkerJob, application: Application): string {
  const entered = job.variables.contractSignedAt;
  if (entered === undefined || entered === null) return chinaDayOf(application.submittedAt);
  if (typeof entered !== 'string' || !isDayString(entered))
    throw new ModelError(`签订日期应为日期 / contractSignedAt must be a date: ${JSON.stringify(entered)}`);
  return entered;
}

export const contractWorker: WorkerDefinition = {
  taskType: 'business-expansion.contract',
  handle: (job) =>
    runJob(job, async () => {
      const action = requireHeader(job, 'action');
      if (action !== 'draft' && action !== 'sign')
        throw new ModelError(`任务头 action 应为 draft 或 sign / bad header action: ${action}`);
      const application = await applicationOf(job);
      const contract =
        (await Contract.findOne({ where: { applicationNo: application.applicationNo } })) ?? (await draft(application));
      if (action === 'sign' && contract.status !== 'signed')
        await contract.update({ status: 'signed', signedOn: signingDay(job, application), signedAt: appClock.now() });
      return job.complete({ contractNo: contract.contractNo });
    }),
};
