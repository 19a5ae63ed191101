/**
 * The supply contract (供用电合同): drafted from the template with the scheme's fields and numbered (HT…); signing
 * records the signature (drafting first when needed, as for three-zero cases whose contract is signed at
 * application). One contract per case.
 */
import { UniqueConstraintError } from 'sequelize';
import { Customer } from '../../db/core/customer-models';
import { Contract, SupplyScheme, type Application } from '../../db/business-expansion';
import { chinaDayOf, isDayString } from '../../lib/calendar';
import { appClock } from '../../lib/clock/app-clock';
import { ModelError } from '../../lib/errors/model-error';
import { nextNumber } from '../numbering';
import { caseApplication } from './case-application-repository';
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

/**
 * The signing day is the one the clerk entered on the contract form (`contractSignedAt`, checked by the form: a real
 * date, not in the future); a three-zero case has no contract form and signs on the day of its application.
 */
function signingDay(entered: unknown, application: Application): string {
  if (entered === undefined || entered === null) return chinaDayOf(application.submittedAt);
  if (typeof entered !== 'string' || !isDayString(entered))
    throw new ModelError(`签订日期应为日期 / contractSignedAt must be a date: ${JSON.stringify(entered)}`);
  return entered;
}

export async function contractFor(
  applicationNo: string,
  action: 'draft' | 'sign',
  contractSignedAt: unknown,
): Promise<{ contractNo: string }> {
  const application = await caseApplication(applicationNo);
  const contract = (await Contract.findOne({ where: { applicationNo } })) ?? (await draft(application));
  if (action === 'sign' && contract.status !== 'signed')
    await contract.update({
      status: 'signed',
      signedOn: signingDay(contractSignedAt, application),
      signedAt: appClock.now(),
    });
  return { contractNo: contract.contractNo };
}
